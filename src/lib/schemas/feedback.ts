import { z } from 'zod';
import { FEEDBACK_CATEGORIES, FEEDBACK_DECISIONS } from '$lib/feedback';

export const BODY_MIN = 5;
export const BODY_MAX = 500;
export const REPLY_MAX = 1000;
export const NOTE_MAX = 1000;

export const phone = z
	.string()
	.trim()
	.transform((s) => s.replace(/[\s-]/g, ''))
	.refine(
		(s) => s === '' || /^1[3-9]\d{9}$/.test(s) || /^0\d{9,11}$/.test(s),
		'请填写 11 位手机号或带区号的固定电话，也可以不填'
	);

/** What a consumer sends from the scan page or a merchant page. */
export const feedbackSchema = z.object({
	category: z.enum(FEEDBACK_CATEGORIES, { message: '请选择反馈类别' }),
	body: z
		.string()
		.trim()
		.min(BODY_MIN, `请具体描述遇到的问题，至少 ${BODY_MIN} 个字`)
		.max(BODY_MAX, `描述不能超过 ${BODY_MAX} 个字`),
	phone
});

/** A report of a code that does not verify. */
export const forgedReportSchema = z.object({
	place: z
		.string()
		.trim()
		.min(2, '请填写在哪里看到这个标识（店名或地址）')
		.max(200, '地点不能超过 200 个字'),
	body: z.string().trim().max(BODY_MAX, `说明不能超过 ${BODY_MAX} 个字`),
	phone
});

export const decisionSchema = z
	.object({
		status: z.enum(FEEDBACK_DECISIONS, { message: '请选择核实结果' }),
		note: z.string().trim().max(NOTE_MAX, `处理意见不能超过 ${NOTE_MAX} 个字`),
		/** Shown to the consumer on their receipt page. */
		answer: z.string().trim().max(NOTE_MAX, `给反馈人的答复不能超过 ${NOTE_MAX} 个字`).default('')
	})
	.refine((v) => v.status === 'verified' || v.note.length >= 2, {
		path: ['note'],
		message: '认定不属实或已调解时，请写明核实情况'
	});

export const replySchema = z.object({
	reply: z
		.string()
		.trim()
		.min(2, '请填写商户的回应内容')
		.max(REPLY_MAX, `商户回应不能超过 ${REPLY_MAX} 个字`)
});

export const deductionsSchema = z.object(
	Object.fromEntries(
		FEEDBACK_CATEGORIES.map((c) => [
			c,
			z.coerce
				.number({ message: '请填写数字' })
				.int('请填写整数')
				.min(0, '扣分不能小于 0')
				.max(100, '扣分不能超过 100')
		])
	) as Record<(typeof FEEDBACK_CATEGORIES)[number], z.ZodCoercedNumber>
);

/** Working days an officer has to decide feedback before it shows as overdue. */
export const deadlineSchema = z.object({
	deadlineDays: z.coerce
		.number({ message: '请填写天数' })
		.int('请填写整数')
		.min(1, '办理时限至少 1 个工作日')
		.max(60, '办理时限不能超过 60 个工作日')
});
