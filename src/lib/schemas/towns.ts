import { z } from 'zod';

export const townSchema = z.object({
	name: z.string().trim().min(2, '请填写名称（至少 2 个字）').max(30, '名称不能超过 30 个字'),
	code: z
		.string()
		.trim()
		.regex(/^(\d{9}|\d{12})?$/, '行政区划代码应为 9 位或 12 位数字，不知道可留空')
		.transform((v) => v || null)
});

/** A row of the towns table: `active` is a checkbox. */
export const townRowSchema = townSchema.extend({
	id: z.coerce.number().int().positive(),
	active: z
		.literal('on', { message: '勾选框的值有误，请刷新页面后重试' })
		.optional()
		.transform((v) => v === 'on')
});

export const newTownSchema = townSchema.extend({
	slug: z
		.string()
		.trim()
		.regex(/^[a-z][a-z0-9-]{1,40}$/, '网址标识只能用小写拼音字母、数字和短横线，如 sheshan'),
	kind: z.enum(['subdistrict', 'town', 'park'], { message: '请选择类型' })
});
