import { z } from 'zod';
import { APPEAL_DECISIONS, REPLY_TARGETS } from '$lib/portal';

const id = (message: string) => z.coerce.number({ message }).int(message).positive(message);

/** 商户回应, written by the merchant. */
export const merchantReplySchema = z.object({
	targetType: z.enum(REPLY_TARGETS, { message: '请选择要回应的记录' }),
	targetId: id('请选择要回应的记录'),
	body: z.string().trim().min(2, '请填写回应内容，至少 2 个字').max(1000, '回应不能超过 1000 个字')
});

export const reinspectionSchema = z.object({
	note: z
		.string()
		.trim()
		.min(5, '请说明整改了什么，至少 5 个字')
		.max(1000, '说明不能超过 1000 个字')
});

export const appealSchema = z.object({
	archiveEntryId: id('请选择要申诉的扣分记录'),
	statement: z
		.string()
		.trim()
		.min(10, '请写明申诉理由，至少 10 个字')
		.max(2000, '申诉理由不能超过 2000 个字')
});

export const signSchema = z.object({
	signerName: z.string().trim().min(2, '请填写签署人姓名').max(40, '姓名不能超过 40 个字'),
	agree: z.literal('on', { message: '请先阅读并勾选同意承诺和公约' })
});

export const moderateSchema = z
	.object({
		decision: z.enum(['approve', 'refuse'], { message: '请选择通过或不通过' }),
		reason: z.string().trim().max(500, '原因不能超过 500 个字').default('')
	})
	.refine((v) => v.decision === 'approve' || v.reason.length >= 2, {
		path: ['reason'],
		message: '不通过时请写明原因，商户会看到'
	});

export const appealDecisionSchema = z.object({
	decision: z.enum(APPEAL_DECISIONS, { message: '请选择裁决结果' }),
	note: z.string().trim().min(2, '请写明裁决理由，商户会看到').max(1000, '理由不能超过 1000 个字')
});

export const closeRequestSchema = z.object({
	note: z.string().trim().max(500, '说明不能超过 500 个字').default('')
});
