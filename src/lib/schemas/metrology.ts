import { z } from 'zod';
import { SCALE_CHECK_RESULTS, UNIT_KINDS } from '$lib/metrology';
import { usccField } from './streets';
import { withLocation } from './location';
import { phone } from './feedback';

const dateField = (label: string) =>
	z
		.string()
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, `请填写${label}，如 2026-01-31`);

/** A metrology demonstration unit as its form sends it, the location from the map picker. */
export const unitSchema = z
	.object({
		name: z.string().trim().min(2, '请填写单位名称（至少 2 个字）').max(80, '名称不能超过 80 个字'),
		kind: z.enum(UNIT_KINDS, { message: '请选择单位类型' }),
		uscc: usccField,
		townId: z.coerce.number({ message: '请选择街镇' }).int().positive('请选择街镇'),
		address: z.string().trim().min(2, '请填写地址').max(120, '地址不能超过 120 个字'),
		contactName: z.string().trim().max(40, '联系人不能超过 40 个字').default(''),
		contactPhone: phone,
		locationLat: z.string().optional(),
		locationLng: z.string().optional()
	})
	.transform(withLocation);

export type UnitInput = z.output<typeof unitSchema>;

export const scaleSchema = z.object({
	serial: z.string().trim().min(1, '请填写公平秤编号').max(60, '编号不能超过 60 个字符'),
	place: z.string().trim().max(60, '位置不能超过 60 个字').default('')
});

const scaleId = z.coerce.number().int().positive('公平秤不存在');

/** A fair scale named by a row's button (停用). */
export const scaleRefSchema = z.object({ scaleId });

export const scaleCheckSchema = z.object({
	scaleId,
	checkedOn: dateField('核查日期'),
	checker: z.string().trim().min(2, '请填写核查人').max(40, '核查人不能超过 40 个字'),
	result: z.enum(SCALE_CHECK_RESULTS, { message: '请选择核查结果' }),
	note: z.string().trim().max(200, '备注不能超过 200 个字').default('')
});

export type ScaleCheckInput = z.output<typeof scaleCheckSchema>;

export const revokeSchema = z.object({
	reason: z.string().trim().min(4, '请写明撤销原因').max(300, '原因不能超过 300 个字')
});

export const attachSchema = z.object({ merchantUscc: usccField });
