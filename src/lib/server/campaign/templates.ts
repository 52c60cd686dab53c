/** Downloadable import templates, with one example row, in CSV and XLSX. */
import { download, type Column } from '../files/tabular';
import { COMMITMENT_COLUMNS, REPORT_COLUMNS } from '../../campaign-labels';
import { withCheckCharacter } from '../../uscc';

const examples: Record<'commitments' | 'reports', Record<string, string>> = {
	commitments: {
		企业名称: '上海云间食品有限公司',
		统一社会信用代码: withCheckCharacter('91310117MA1J00001'),
		所属街镇: '佘山镇',
		承诺类型: '诚信经营承诺',
		公示日期: '2026-06-01',
		公示渠道: '信用松江网站',
		公示链接: 'https://www.songjiang.gov.cn/'
	},
	reports: {
		企业名称: '上海云间食品有限公司',
		统一社会信用代码: withCheckCharacter('91310117MA1J00001'),
		所属街镇: '佘山镇',
		补充信息项: '纳税、社保、公积金',
		公示日期: '2026-06-01',
		报告编号: 'SJXY-2026-00001',
		出具机构: '上海资信有限公司',
		出具日期: '2026-06-20',
		状态: '已出具信用报告'
	}
};

export function template(kind: 'commitments' | 'reports', format: string | null) {
	const headers = kind === 'commitments' ? COMMITMENT_COLUMNS : REPORT_COLUMNS;
	const columns: Column<Record<string, string>>[] = headers.map((h) => ({
		header: h,
		value: (r) => r[h],
		width: h === '企业名称' || h === '出具机构' ? 32 : 20
	}));
	return download(
		format,
		kind === 'commitments' ? '信用承诺导入模板' : '补充信息及信用报告导入模板',
		columns,
		[examples[kind]]
	);
}
