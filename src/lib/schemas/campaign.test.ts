import { describe, expect, it } from 'vitest';
import {
	commitmentSchema,
	countSchema,
	reportSchema,
	targetsSchema,
	typesSchema
} from './campaign';

function errorsOf(r: {
	success: boolean;
	error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
	return Object.fromEntries((r.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
}

describe('campaign schemas', () => {
	it('keeps a commitment, a count and an issued report within their year', () => {
		const c = commitmentSchema.safeParse({
			year: '2024',
			type: '诚信经营承诺',
			disclosedOn: '2023-12-31',
			channel: '信用松江网站',
			link: ''
		});
		expect(errorsOf(c)).toEqual({ disclosedOn: '公示日期应在 2024 年内' });
		const n = countSchema.safeParse({
			townId: '1',
			year: '2024',
			asOf: '2025-01-01',
			commitments: '1',
			reports: '0',
			note: ''
		});
		expect(errorsOf(n)).toEqual({ asOf: '截至日期应在 2024 年内' });
		const r = reportSchema.safeParse({
			year: '2024',
			items: ['纳税'],
			disclosedOn: '2024-01-01',
			reportNo: 'SJXY-1',
			agency: '上海资信有限公司',
			issuedOn: '2025-01-02',
			status: 'issued'
		});
		expect(errorsOf(r)).toEqual({ issuedOn: '出具日期应在 2024 年内' });
	});

	it("reads the targets form: each town's pair, a missing one as 0, a bad one named", () => {
		const schema = targetsSchema([
			{ id: 1, name: '岳阳街道' },
			{ id: 2, name: '佘山镇' }
		]);
		const ok = schema.parse({
			year: '2024',
			commitmentTarget: '100',
			reportTarget: '10',
			'c-1': '60',
			'r-1': '6'
		});
		expect(ok).toEqual({
			year: 2024,
			commitmentTarget: 100,
			reportTarget: 10,
			towns: [
				{ townId: 1, commitmentTarget: 60, reportTarget: 6 },
				{ townId: 2, commitmentTarget: 0, reportTarget: 0 }
			]
		});
		const bad = schema.safeParse({
			year: '2024',
			commitmentTarget: '100',
			reportTarget: '10',
			'c-2': '-1'
		});
		expect(errorsOf(bad)).toEqual({ 'c-2': '佘山镇：承诺目标应为不小于 0 的整数' });
	});

	it('reads commitment types one a line, without repeats, and refuses none', () => {
		expect(typesSchema.parse({ types: '甲\n乙、甲\r\n丙' }).types).toEqual(['甲', '乙', '丙']);
		expect(errorsOf(typesSchema.safeParse({ types: ' \n ' }))).toEqual({
			types: '至少保留一种承诺类型'
		});
		expect(errorsOf(typesSchema.safeParse({ types: '长'.repeat(31) }))).toEqual({
			types: '每种类型不超过 30 个字'
		});
	});
});
