/**
 * Every import takes an office's own workbook — title rows, 序号, date cells, a blank row, 合计 and
 * signature lines, a sheet of instructions — through its real actions: preview, pick another sheet
 * without uploading again, commit; with exact counts.
 */
import { describe, expect, it } from 'vitest';
import * as events from '$lib/server/events';
import * as campaign from '$lib/server/campaign';
import { merchants } from '$lib/server/streets';
import {
	fakeUscc,
	makeStreet,
	makeUser,
	makeUscc,
	soleTraderUscc
} from '$lib/server/testing/factories';
import {
	officeWorkbook,
	postEvent,
	xlsxFile,
	type OfficeSheet
} from '$lib/server/testing/workbook';
import { SYSTEM } from '$lib/server/actor';
import type { SessionUser } from '$lib/server/auth/session';
import { actions as eventActions } from './events/import/+page.server';
import { actions as merchantActions } from './streets/[id=id]/import/+page.server';
import { actions as reportActions } from './campaign/import/reports/+page.server';
import { actions as commitmentActions } from './campaign/import/commitments/+page.server';

type Preview = {
	token: string;
	total: number;
	goodCount: number;
	badCount: number;
	bad: { line: number; reason: string }[];
	source: { sheetName: string; headerLine: number; sheets: string[]; notes: string[] };
};
type Result = {
	preview?: Preview;
	committed?: { message: string };
	data?: { errors: Record<string, string> };
};
type Action = (event: never) => Promise<unknown>;
type Actions = Record<'preview' | 'reread' | 'commit', Action>;

async function run(
	actions: unknown,
	user: SessionUser,
	path: string,
	params: Record<string, string>,
	fields: Record<string, string | File>,
	action: keyof Actions
) {
	const act = (actions as Actions)[action];
	return (await act(postEvent(user, path, params, fields))) as Result;
}

/** Uploads, checks the preview's words, and (optionally on another sheet) commits. */
async function office(
	actions: unknown,
	path: string,
	params: Record<string, string>,
	user: SessionUser,
	sheets: OfficeSheet[],
	extra: Record<string, string> = {}
) {
	const bytes = await officeWorkbook(...sheets);
	const upload = await run(
		actions,
		user,
		path,
		params,
		{ ...extra, file: xlsxFile(bytes, '汇总表.xlsx') },
		'preview'
	);
	if (!upload.preview) throw new Error(JSON.stringify(upload));
	const commit = async (token: string) =>
		(await run(actions, user, path, params, { ...extra, token }, 'commit')).committed?.message;
	const reread = async (sheet: string) =>
		(
			await run(
				actions,
				user,
				path,
				params,
				{ ...extra, token: upload.preview!.token, sheet },
				'reread'
			)
		).preview!;
	return { preview: upload.preview, commit, reread };
}

/** What every office workbook's preview says: sheet 2, header on line 3, the 合计 and 签名 lines. */
function expectOfficeNotes(p: Preview, sheet: string, rows: number) {
	expect(p.source.sheetName).toBe(sheet);
	expect(p.source.headerLine).toBe(3);
	expect(p.source.notes[0]).toBe(
		`读取工作表「${sheet}」，以第 3 行为列名行，其上 2 行（标题、填报单位等）未作为数据读取。`
	);
	// title, unit line, header, the rows and one blank row: 合计 and the signatures follow
	const total = 3 + rows + 2;
	expect(p.source.notes[1]).toBe(
		`数据之后的 2 行未导入：第 ${total} 行「合计 ${rows} 家」（合计行）；第 ${total + 1} 行「填表人：张三 审核人：李四 填表日期：2026年12月1日」（签名或填表信息）。`
	);
}

type Value = string | number | Date | null;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("an office's own workbook", () => {
	it('imports events, with date cells, leaving out the totals and signatures', async () => {
		const admin = await makeUser('district_admin');
		const before = events.list({ scope: null, pageSize: 1 }).total;
		const header = ['活动名称', '街镇', '主题', '形式', '开始日期', '结束日期', '地点', '参与人数'];
		const rows = [
			[
				'诚信进社区宣讲（一）',
				'佘山镇',
				'诚信进社区',
				'事迹宣讲',
				day('2026-05-06'),
				day('2026-05-06'),
				'佘山镇文化中心',
				80
			],
			[
				'诚信进社区宣讲（二）',
				'佘山镇',
				'诚信进社区',
				'事迹宣讲',
				'2026年5月8日',
				null,
				'佘山镇文化中心',
				60
			],
			['诚信兴商宣传', '岳阳街道', '诚信兴商宣传月', '专题展览', 46150, 46151, '岳阳广场', 120]
		];
		const flow = await office(eventActions, '/staff/events/import', {}, admin, [
			{ name: '活动汇总表', title: '松江区2026年诚信宣传教育活动情况汇总表', header, rows }
		]);
		expect(flow.preview).toMatchObject({ total: 3, goodCount: 3, badCount: 0 });
		expectOfficeNotes(flow.preview, '活动汇总表', 3);
		expect(flow.preview.source.sheets).toEqual(['活动汇总表']);
		expect(await flow.commit(flow.preview.token)).toContain('新增 3 场');
		expect(events.list({ scope: null, pageSize: 1 }).total).toBe(before + 3);
		const third = events.list({ scope: null, q: '诚信兴商宣传', pageSize: 5 }).items[0];
		expect([third.startDate, third.endDate]).toEqual(['2026-05-08', '2026-05-09']);
	});

	it("imports a street's merchants", async () => {
		const admin = await makeUser('district_admin');
		const street = makeStreet(SYSTEM, 'yueyang');
		const header = ['商户名称', '统一社会信用代码', '经营地址', '类别', '联系电话'];
		const rows = [
			['云间酱园', soleTraderUscc(880_001), '中山中路 1 号', '食品', '13900000001'],
			['松江小笼', soleTraderUscc(880_002), '中山中路 3 号', '餐饮', ''],
			['老街茶庄', makeUscc(), '中山中路 5 号', '零售', '']
		];
		const flow = await office(
			merchantActions,
			`/staff/streets/${street.id}/import`,
			{ id: String(street.id) },
			admin,
			[{ name: '商户名单', title: '岳阳街道诚信示范街商户名单', header, rows }]
		);
		expect(flow.preview).toMatchObject({ total: 3, goodCount: 3, badCount: 0 });
		expectOfficeNotes(flow.preview, '商户名单', 3);
		expect(await flow.commit(flow.preview.token)).toContain('新增 3 家商户');
		expect(merchants.list(null, { streetId: street.id }).total).toBe(3);
	});

	it('imports supplementary reports, with issue dates as cells', async () => {
		const admin = await makeUser('district_admin');
		const before = campaign.progress(2026).district.reports.count;
		const header = [
			'单位名称',
			'信用代码',
			'所属街道',
			'补充信息项',
			'公示日期',
			'报告编号',
			'出具机构',
			'出具日期'
		];
		const rows = [
			[
				'上海甲有限公司',
				fakeUscc(770_001),
				'新浜镇',
				'纳税、社保',
				day('2026-03-01'),
				'SJXY-2026-901',
				'上海资信有限公司',
				day('2026-04-01')
			],
			[
				'上海乙有限公司',
				fakeUscc(770_002),
				'新浜镇',
				'公积金',
				day('2026-03-02'),
				null,
				null,
				null
			],
			[
				'上海丙有限公司',
				fakeUscc(770_003),
				'新浜镇',
				'纳税',
				46085,
				'SJXY-2026-902',
				'上海资信有限公司',
				46120
			]
		];
		const flow = await office(
			reportActions,
			'/staff/campaign/import/reports',
			{},
			admin,
			[{ name: '报告汇总', title: '松江区新浜镇2026年补充信息及信用报告汇总表', header, rows }],
			{ year: '2026' }
		);
		expect(flow.preview).toMatchObject({ total: 3, goodCount: 3, badCount: 0 });
		expectOfficeNotes(flow.preview, '报告汇总', 3);
		expect(await flow.commit(flow.preview.token)).toContain('新增 3 条');
		expect(campaign.progress(2026).district.reports.count).toBe(before + 2);
	});

	it('says which other sheets hold the header, and reads the one picked without a new upload', async () => {
		const admin = await makeUser('district_admin');
		const header = ['单位名称', '信用代码', '所属街道', '承诺类型', '承诺日期', '公示渠道'];
		const type = campaign.commitmentTypes()[0];
		const row = (name: string, n: number, on: Value) => [
			name,
			fakeUscc(n),
			'佘山镇',
			type,
			on,
			'信用松江网站'
		];
		const flow = await office(
			commitmentActions,
			'/staff/campaign/import/commitments',
			{},
			admin,
			[
				{
					name: '上半年',
					title: '松江区佘山镇2026年企业信用承诺公示情况汇总表（上半年）',
					header,
					rows: [
						row('佘山甲有限公司', 660_001, day('2026-03-01')),
						row('佘山乙有限公司', 660_002, '2026/3/2')
					]
				},
				{
					name: '下半年',
					title: '松江区佘山镇2026年企业信用承诺公示情况汇总表（下半年）',
					header,
					rows: [
						row('佘山丙有限公司', 660_003, day('2026-08-01')),
						row('佘山丁有限公司', 660_004, 46240),
						row('佘山戊有限公司', 660_005, '2026年9月3日')
					]
				}
			],
			{ year: '2026' }
		);
		expect(flow.preview).toMatchObject({ total: 2, goodCount: 2 });
		expectOfficeNotes(flow.preview, '上半年', 2);
		expect(flow.preview.source.sheets).toEqual(['上半年', '下半年']);
		expect(flow.preview.source.notes[2]).toBe(
			'另有 1 个工作表也含列名行：「下半年」。如要导入其他工作表，请在下方选择。'
		);
		const second = await flow.reread('下半年');
		expect(second).toMatchObject({ total: 3, goodCount: 3, badCount: 0 });
		expectOfficeNotes(second, '下半年', 3);
		expect(second.source.notes[2]).toContain('「上半年」');
		// the first preview's token is spent; the new one commits the picked sheet
		expect(await flow.commit(flow.preview.token)).toBeUndefined();
		expect(await flow.commit(second.token)).toContain('新增 3 条信用承诺');
	});
});
