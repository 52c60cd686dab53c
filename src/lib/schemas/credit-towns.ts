/** Forms of credit-town demonstration creation, shared by the server and the pages. */
import { z } from 'zod';

export const startSchema = z.object({
	townId: z.coerce.number({ message: '请选择街镇' }).int().positive('请选择街镇')
});

/** The town's application form; statements (`text_{item}`) and files (`files_{item}`) per item. */
export const evidenceSchema = z.object({
	note: z.string().trim().max(2000, '申报说明不能超过 2000 个字').default(''),
	intent: z.enum(['save', 'submit']).default('save'),
	removeFile: z.array(z.coerce.number().int()).default([])
});

export const ITEM_TEXT_MAX = 2000;

export const sendBackSchema = z.object({
	comment: z
		.string()
		.trim()
		.min(4, '请写明退回的原因和需要补充的材料（至少 4 个字）')
		.max(1000, '退回意见不能超过 1000 个字')
});

export const revokeSchema = z.object({
	reason: z
		.string()
		.trim()
		.min(4, '请写明撤销命名的原因（至少 4 个字）')
		.max(500, '原因不能超过 500 个字')
});
