import { z } from 'zod';
import { EVENT_OPTION_KINDS } from '$lib/events';
import { locationFields } from './location';

const date = (label: string) =>
	z
		.string()
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, `请选择${label}`)
		.refine((s) => !Number.isNaN(Date.parse(s)), `${label}不是有效的日期`);

const time = z
	.string()
	.trim()
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 时:分，如 09:30')
	.optional()
	.or(z.literal('').transform(() => undefined));

const coordinate = (min: number, max: number, label: string) =>
	z
		.union([z.literal('').transform(() => null), z.coerce.number().min(min).max(max)], {
			message: `${label}不正确`
		})
		.optional()
		.transform((v) => v ?? null)
		.refine((v) => v === null || Number.isFinite(v), `${label}不正确`);

const optionalId = (message: string) =>
	z
		.union(
			[z.literal('').transform(() => null), z.coerce.number({ message }).int().positive(message)],
			{ message }
		)
		.optional()
		.transform((v) => v ?? null);

/** The fields of an event, as the form and the import name them (the location apart). */
const eventFields = {
	title: z
		.string()
		.trim()
		.min(2, '请填写活动名称（至少 2 个字）')
		.max(80, '活动名称不能超过 80 个字'),
	/** Empty only for a department's district-wide or online event (the domain checks who). */
	townId: optionalId('请选择街镇'),
	/** The owning department; empty when a town owns the event. */
	departmentId: optionalId('请选择区级部门'),
	themeId: z.coerce.number({ message: '请选择活动主题' }).int().positive('请选择活动主题'),
	formId: z.coerce.number({ message: '请选择活动形式' }).int().positive('请选择活动形式'),
	venue: z.string().trim().max(100, '活动地点不能超过 100 个字').default(''),
	startDate: date('开始日期'),
	startTime: time,
	endDate: z
		.string()
		.trim()
		.optional()
		.transform((v) => v || undefined)
		.pipe(date('结束日期').optional()),
	endTime: time,
	organisers: z.string().trim().max(200, '主办单位不能超过 200 个字').default(''),
	participants: z.coerce
		.number({ message: '参与人数应为数字' })
		.int('参与人数应为整数')
		.min(0, '参与人数不能为负数')
		.max(1_000_000, '参与人数过大，请核对'),
	materials: z.string().trim().max(200, '发放资料不能超过 200 个字').default(''),
	summary: z.string().trim().max(2000, '活动简介不能超过 2000 个字').default(''),
	isPublic: z
		.union([z.literal('on'), z.literal('1'), z.literal('true'), z.literal('')], {
			message: '请勾选或取消“公开展示”'
		})
		.optional()
		.transform((v) => v === 'on' || v === '1' || v === 'true')
};

type Dated = { startDate: string; startTime?: string; endDate?: string; endTime?: string };

/** One day when no end is given; never ending before it starts. */
function endOrStart<T extends Dated>(v: T) {
	return { ...v, endDate: v.endDate ?? v.startDate };
}

function checkDates(v: Dated & { endDate: string }, ctx: z.RefinementCtx) {
	if (v.endDate < v.startDate)
		ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
	else if (v.endDate === v.startDate && v.startTime && v.endTime && v.endTime < v.startTime)
		ctx.addIssue({ code: 'custom', path: ['endTime'], message: '结束时间不能早于开始时间' });
}

/** An event as the domain takes it. */
export const eventSchema = z
	.object({
		...eventFields,
		lat: coordinate(-90, 90, '纬度'),
		lng: coordinate(-180, 180, '经度')
	})
	.transform(endOrStart)
	.superRefine((v, ctx) => {
		checkDates(v, ctx);
		if ((v.lat === null) !== (v.lng === null))
			ctx.addIssue({ code: 'custom', path: ['lat'], message: '请在地图上重新选择位置' });
	});

/**
 * The staff's event form: the location from the map picker (`locationLat`/`locationLng`, within
 * reach of Songjiang), photos to remove (`removePhoto`, repeated), and the event itself.
 */
export const eventFormSchema = z
	.object({
		...eventFields,
		locationLat: z.string().optional(),
		locationLng: z.string().optional(),
		removePhoto: z.array(z.coerce.number().int().positive()).default([])
	})
	.transform((v, ctx) => {
		const { locationLat, locationLng, removePhoto, ...rest } = v;
		const where = locationFields('location').safeParse({ locationLat, locationLng });
		if (!where.success) {
			for (const issue of where.error.issues)
				ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
			return z.NEVER;
		}
		const input = endOrStart({
			...rest,
			lat: where.data?.lat ?? null,
			lng: where.data?.lng ?? null
		});
		checkDates(input, ctx);
		return { input, removePhoto };
	});

export type EventInput = z.output<typeof eventSchema>;

const optionName = z.string().trim().min(2, '名称至少 2 个字').max(30, '名称不能超过 30 个字');

export const optionSchema = z.object({ name: optionName });

/** A district admin adds a theme or a form. */
export const optionCreateSchema = z.object({
	kind: z.enum(EVENT_OPTION_KINDS, { message: '请选择列表' }),
	name: optionName
});

/** A district admin renames a theme or form, or turns it off. */
export const optionUpdateSchema = z.object({
	id: z.coerce.number().int().positive('选项不存在'),
	name: optionName,
	active: z
		.literal('on', { message: '勾选框的值有误，请刷新页面后重试' })
		.optional()
		.transform((v) => v === 'on')
});
