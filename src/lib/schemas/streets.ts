import { z } from 'zod';
import { validateUscc } from '$lib/uscc';
import {
	INSTRUMENT_TYPES,
	MERCHANT_CATEGORIES,
	STANDARD_KINDS,
	STREET_STATUSES,
	SUPERVISION_KINDS,
	TRADING_STATUSES
} from '$lib/streets';

/** Songjiang and its surroundings, generously: a point outside is almost surely a typo. */
export const AREA = { minLat: 30.6, maxLat: 31.4, minLng: 120.8, maxLng: 121.7 };

function inArea(lng: number, lat: number) {
	return lat >= AREA.minLat && lat <= AREA.maxLat && lng >= AREA.minLng && lng <= AREA.maxLng;
}

const position = z.tuple([z.number(), z.number()]);

/** A street's geometry as GeoJSON: a line of at least 2 points, or a closed polygon of at least 3. */
export const geometrySchema = z
	.discriminatedUnion('type', [
		z.object({ type: z.literal('LineString'), coordinates: z.array(position) }),
		z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)).length(1) })
	])
	.superRefine((g, ctx) => {
		const pts = g.type === 'LineString' ? g.coordinates : g.coordinates[0];
		if (g.type === 'LineString' && pts.length < 2)
			ctx.addIssue({ code: 'custom', message: '线路至少需要在地图上点 2 个点' });
		if (g.type === 'Polygon') {
			const [first, last] = [pts[0], pts[pts.length - 1]];
			const closed = first && last && first[0] === last[0] && first[1] === last[1];
			if (pts.length < 4 || !closed)
				ctx.addIssue({ code: 'custom', message: '范围至少需要在地图上点 3 个点' });
		}
		if (pts.some(([lng, lat]) => !inArea(lng, lat)))
			ctx.addIssue({ code: 'custom', message: '图形有点超出松江区范围，请在地图上重新绘制' });
	});

export const streetSchema = z.object({
	name: z.string().trim().min(2, '请填写街区名称（至少 2 个字）').max(60, '名称不能超过 60 个字'),
	townId: z.coerce.number({ message: '请选择所属街镇' }).int().positive('请选择所属街镇'),
	status: z.enum(STREET_STATUSES, { message: '请选择状态' }),
	convention: z.string().trim().max(5000, '自律公约不能超过 5000 字').default(''),
	description: z.string().trim().max(2000, '简介不能超过 2000 字').default(''),
	committeeContact: z.string().trim().max(60, '联系人不能超过 60 个字').default(''),
	committeePhone: z
		.string()
		.trim()
		.regex(/^$|^[0-9\-+ ]{7,20}$/, '联系电话只能包含数字和短横线，7–20 位')
		.default(''),
	geometry: z
		.string()
		.trim()
		.transform((s, ctx) => {
			if (!s) return null;
			try {
				return JSON.parse(s) as unknown;
			} catch {
				ctx.addIssue({ code: 'custom', message: '图形数据有误，请在地图上重新绘制' });
				return z.NEVER;
			}
		})
		.pipe(geometrySchema.nullable())
});

export type StreetInput = z.infer<typeof streetSchema>;

const optionalCoord = (min: number, max: number, label: string) =>
	z
		.string()
		.trim()
		.transform((s, ctx) => {
			if (!s) return null;
			const n = Number(s);
			if (!Number.isFinite(n) || n < min || n > max) {
				ctx.addIssue({ code: 'custom', message: `${label}不在松江区范围内，请在地图上重新选点` });
				return z.NEVER;
			}
			return n;
		});

export const usccField = z.string().transform((s, ctx) => {
	const r = validateUscc(s);
	if (!r.ok) {
		ctx.addIssue({ code: 'custom', message: r.message });
		return z.NEVER;
	}
	return r.code;
});

export const merchantSchema = z.object({
	name: z.string().trim().min(2, '请填写商户名称（至少 2 个字）').max(80, '名称不能超过 80 个字'),
	uscc: usccField,
	streetId: z.coerce.number({ message: '请选择所在街区' }).int().positive('请选择所在街区'),
	address: z.string().trim().min(2, '请填写经营地址').max(120, '地址不能超过 120 个字'),
	category: z.enum(MERCHANT_CATEGORIES, { message: '请选择类别' }),
	tradingStatus: z.enum(TRADING_STATUSES, { message: '请选择经营状态' }),
	contactName: z.string().trim().max(40, '联系人不能超过 40 个字').default(''),
	contactPhone: z
		.string()
		.trim()
		.regex(/^$|^[0-9\-+ ]{7,20}$/, '联系电话只能包含数字和短横线，7–20 位')
		.default(''),
	lat: optionalCoord(AREA.minLat, AREA.maxLat, '纬度'),
	lng: optionalCoord(AREA.minLng, AREA.maxLng, '经度')
});

export type MerchantInput = z.infer<typeof merchantSchema>;

const dateField = (label: string) =>
	z
		.string()
		.trim()
		.regex(/^$|^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2026-01-31`)
		.transform((s) => s || null);

export const instrumentSchema = z
	.object({
		type: z.enum(INSTRUMENT_TYPES, { message: '请选择器具类型' }),
		serial: z.string().trim().min(1, '请填写出厂编号').max(60, '编号不能超过 60 个字符'),
		lastVerifiedOn: dateField('上次检定日期'),
		nextDueOn: dateField('下次检定日期'),
		certificateNo: z.string().trim().max(60, '证书编号不能超过 60 个字符').default(''),
		note: z.string().trim().max(500, '备注不能超过 500 字').default('')
	})
	.refine((v) => !v.lastVerifiedOn || !v.nextDueOn || v.nextDueOn > v.lastVerifiedOn, {
		message: '下次检定日期应晚于上次检定日期',
		path: ['nextDueOn']
	});

export type InstrumentInput = z.infer<typeof instrumentSchema>;

export const supervisionSchema = z.object({
	kind: z.enum(SUPERVISION_KINDS, { message: '请选择事项类型' }),
	title: z.string().trim().max(80, '标题不能超过 80 个字').default(''),
	publicNote: z
		.string()
		.trim()
		.min(2, '请填写公开说明（公众可见）')
		.max(500, '说明不能超过 500 字'),
	note: z.string().trim().max(2000, '内部备注不能超过 2000 字').default(''),
	complainant: z.string().trim().max(100, '投诉人信息不能超过 100 字').default(''),
	points: z
		.string()
		.trim()
		.transform((s, ctx) => {
			if (!s) return undefined;
			const n = Number(s);
			if (!Number.isFinite(n) || Math.abs(n) > 100) {
				ctx.addIssue({ code: 'custom', message: '分值应为 -100 到 100 之间的数字' });
				return z.NEVER;
			}
			return n;
		})
});

export const thresholdsSchema = z.object({
	model: z.coerce.number({ message: '请填写数字' }).min(0, '不能小于 0').max(100, '不能超过 100'),
	honest: z.coerce.number({ message: '请填写数字' }).min(0, '不能小于 0').max(100, '不能超过 100')
});

/** Revoking a badge by hand (摘牌): the reason is shown to the public. */
export const revokeSchema = z.object({
	reason: z
		.string()
		.trim()
		.min(4, '请写明撤销的事由（至少 4 个字），会公开显示')
		.max(300, '事由不能超过 300 个字')
});

const pointAmount = z
	.string({ message: '请填写数字' })
	.trim()
	.transform((s, ctx) => {
		const n = Number(s);
		if (s === '' || !Number.isFinite(n)) {
			ctx.addIssue({ code: 'custom', message: '请填写数字' });
			return z.NEVER;
		}
		return n;
	});

/** The point amount of each supervision kind but the veto, which revokes instead. */
export const pointsSchema = z.object({
	complaint: pointAmount,
	penalty: pointAmount,
	spot_check_failed: pointAmount,
	rectification: pointAmount,
	commendation: pointAmount
});

/** A new draft of a standard, from the current version of its kind. */
export const standardDraftSchema = z.object({
	kind: z.enum(STANDARD_KINDS, { message: '请选择标准类型' })
});
