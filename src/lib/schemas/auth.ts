import { z } from 'zod';

export const loginSchema = z.object({
	username: z.string().trim().min(1, '请输入用户名').max(64, '用户名太长'),
	password: z.string().min(1, '请输入密码').max(256, '密码太长')
});

/** Changing one's own password: the current one, and the new one twice. */
export const passwordChangeSchema = z
	.object({
		current: z.string().min(1, '请输入当前密码').max(256, '密码太长'),
		next: z.string().min(1, '请输入新密码').max(256, '密码太长'),
		confirm: z.string().max(256, '密码太长')
	})
	.refine((v) => v.next === v.confirm, { path: ['confirm'], message: '两次输入的新密码不一致' });
