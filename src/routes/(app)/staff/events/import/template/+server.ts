import { requireRole } from '$lib/server/access';
import * as events from '$lib/server/events';
import { tabular } from '$lib/server/files';
import type { RequestHandler } from './$types';

const EXAMPLE: Record<string, string> = {
	活动名称: '诚信进社区·居民诚信宣讲会',
	街镇: '佘山镇',
	主题: '诚信进社区',
	形式: '事迹宣讲',
	开始日期: '2026-06-06',
	结束日期: '',
	地点: '佘山社区文化活动中心',
	主办单位: '佘山镇党群服务中心、区市场监管局',
	参与人数: '120',
	发放资料: '诚信宣传册 200 份',
	活动简介: '邀请诚信经营商户代表讲述经营故事。',
	是否公开: '是',
	纬度: '31.095',
	经度: '121.195'
};

export const GET: RequestHandler = (event) => {
	requireRole(event, 'district_admin', 'town_officer');
	return tabular.download(
		event.url.searchParams.get('format'),
		'宣传教育活动导入模板',
		events.IMPORT_COLUMNS.map((c) => ({ header: c, value: (r: Record<string, string>) => r[c] })),
		[EXAMPLE]
	);
};
