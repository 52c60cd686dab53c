import { z } from 'zod';
import { validateUscc } from '$lib/uscc';
import { parseDateInput } from '$lib/dates';
import { CHANNELS, REPORT_ITEMS, REPORT_STATUSES } from '$lib/campaign';
import { reason } from './corrections';

const optional = (max: number, label: string) =>
	z
		.string()
		.trim()
		.max(max, `${label}不能超过 ${max} 个字`)
		.transform((v) => v || null);

const date = (label: string) =>
	z
		.string()
		.trim()
		.min(1, `请填写${label}`)
		.transform((v, ctx) => {
			const d = parseDateInput(v);
			if (!d) {
				ctx.addIssue({ code: 'custom', message: `${label}无法识别，请写成 2023-06-01` });
				return z.NEVER;
			}
			return d;
		});

const optionalDate = (label: string) =>
	z
		.string()
		.trim()
		.transform((v, ctx) => {
			if (!v) return null;
			const d = parseDateInput(v);
			if (!d) {
				ctx.addIssue({ code: 'custom', message: `${label}无法识别，请写成 2023-06-01` });
				return z.NEVER;
			}
			return d;
		});

const year = z.coerce.number().int().min(2000, '请选择年度').max(2100, '请选择年度');

/** An issue on `field` unless the date (YYYY-MM-DD) falls in `year`. */
function inYear(ctx: z.RefinementCtx, field: string, label: string, date: string, year: number) {
	if (Number(date.slice(0, 4)) !== year)
		ctx.addIssue({ code: 'custom', path: [field], message: `${label}应在 ${year} 年内` });
}

const townId = z.coerce.number({ message: '请选择所属街镇' }).int().positive('请选择所属街镇');

export const enterpriseSchema = z.object({
	name: z.string().trim().min(2, '请填写企业名称').max(100, '企业名称不能超过 100 个字'),
	townId,
	address: optional(200, '地址'),
	industry: optional(50, '行业')
});

export const newEnterpriseSchema = enterpriseSchema.extend({
	uscc: z.string().transform((v, ctx) => {
		const r = validateUscc(v);
		if (!r.ok) {
			ctx.addIssue({ code: 'custom', message: r.message });
			return z.NEVER;
		}
		return r.code;
	})
});

export const commitmentSchema = z
	.object({
		year,
		type: z.string().trim().min(1, '请选择承诺类型'),
		disclosedOn: date('公示日期'),
		channel: z.enum(CHANNELS, { message: '请选择公示渠道' }),
		link: z
			.string()
			.trim()
			.refine((v) => !v || /^https?:\/\/\S+$/i.test(v), '公示链接应以 http:// 或 https:// 开头')
			.transform((v) => v || null)
	})
	.superRefine((v, ctx) => inYear(ctx, 'disclosedOn', '公示日期', v.disclosedOn, v.year));

export const reportSchema = z
	.object({
		year,
		items: z.array(z.enum(REPORT_ITEMS)).min(1, '请至少选择一项补充信息'),
		disclosedOn: optionalDate('公示日期'),
		reportNo: optional(50, '报告编号'),
		agency: optional(100, '出具机构'),
		issuedOn: optionalDate('出具日期'),
		status: z.enum(REPORT_STATUSES, { message: '请选择状态' })
	})
	.superRefine((v, ctx) => {
		if (v.status !== 'applied' && !v.disclosedOn)
			ctx.addIssue({
				code: 'custom',
				path: ['disclosedOn'],
				message: '已公示补充信息须填写公示日期'
			});
		if (v.status === 'issued') {
			if (!v.reportNo)
				ctx.addIssue({
					code: 'custom',
					path: ['reportNo'],
					message: '已出具信用报告须填写报告编号'
				});
			if (!v.agency)
				ctx.addIssue({ code: 'custom', path: ['agency'], message: '已出具信用报告须填写出具机构' });
			if (!v.issuedOn)
				ctx.addIssue({
					code: 'custom',
					path: ['issuedOn'],
					message: '已出具信用报告须填写出具日期'
				});
			else inYear(ctx, 'issuedOn', '出具日期', v.issuedOn, v.year);
		}
	});

const countFields = {
	year,
	asOf: date('截至日期'),
	commitments: z.coerce
		.number({ message: '请填写承诺企业数' })
		.int('请填写整数')
		.min(0, '不能为负数')
		.max(1_000_000, '数字过大'),
	reports: z.coerce
		.number({ message: '请填写信用报告数' })
		.int('请填写整数')
		.min(0, '不能为负数')
		.max(100_000, '数字过大'),
	note: optional(200, '说明')
};

export const countSchema = z
	.object({ townId, ...countFields })
	.superRefine((v, ctx) => inYear(ctx, 'asOf', '截至日期', v.asOf, v.year));

/** A corrected count replaces a filed one (`id`), with the reason; the town stays the same. */
export const countCorrectionSchema = z
	.object({
		...countFields,
		id: z.coerce.number({ message: '记录有误' }).int('记录有误').positive('记录有误'),
		reason
	})
	.superRefine((v, ctx) => inYear(ctx, 'asOf', '截至日期', v.asOf, v.year));

const target = (label: string) =>
	z.coerce
		.number({ message: `${label}应为数字` })
		.int(`${label}应为整数`)
		.min(0, `${label}不能为负数`)
		.max(1_000_000, `${label}过大`);

/**
 * The targets form: the district's two figures and each town's pair, named `c-<townId>` and
 * `r-<townId>` (a town left out counts 0).
 */
export function targetsSchema(towns: { id: number; name: string }[]) {
	const perTown = (message: string) =>
		z.preprocess(
			(v) => v ?? '0',
			z.coerce.number({ message }).int(message).min(0, message).max(1_000_000, message)
		);
	const shape: Record<string, z.ZodType<number>> = {};
	for (const t of towns) {
		shape[`c-${t.id}`] = perTown(`${t.name}：承诺目标应为不小于 0 的整数`);
		shape[`r-${t.id}`] = perTown(`${t.name}：报告目标应为不小于 0 的整数`);
	}
	return z
		.object({
			year,
			commitmentTarget: target('全区承诺目标'),
			reportTarget: target('全区报告目标')
		})
		.extend(shape)
		.transform((v) => {
			const row = v as Record<string, number>;
			return {
				year: v.year,
				commitmentTarget: v.commitmentTarget,
				reportTarget: v.reportTarget,
				towns: towns.map((t) => ({
					townId: t.id,
					commitmentTarget: row[`c-${t.id}`],
					reportTarget: row[`r-${t.id}`]
				}))
			};
		});
}

/** The commitment types, one a line (or separated by 、 and commas). */
export const typesSchema = z.object({
	types: z
		.string()
		.default('')
		.transform((v) => [
			...new Set(
				v
					.split(/[\n\r、,，]+/)
					.map((s) => s.trim())
					.filter(Boolean)
			)
		])
		.pipe(z.array(z.string().max(30, '每种类型不超过 30 个字')).min(1, '至少保留一种承诺类型'))
});
