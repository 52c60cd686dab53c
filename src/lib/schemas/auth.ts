import { z } from 'zod';

export const loginSchema = z.object({
	username: z.string().trim().min(1, '请输入用户名').max(64, '用户名太长'),
	password: z.string().min(1, '请输入密码').max(256, '密码太长')
});
