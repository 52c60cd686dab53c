import { z } from 'zod';
import { ROLES, STAFF_ROLES } from '$lib/roles';

const townIds = z.array(z.coerce.number().int().positive()).default([]);

export const userFields = {
	displayName: z.string().trim().min(1, '请填写姓名').max(40, '姓名不能超过 40 个字'),
	role: z.enum(ROLES, { message: '请选择角色' }),
	townIds,
	departmentId: z
		.union([z.literal('').transform(() => null), z.coerce.number().int().positive()], {
			message: '请选择区级部门'
		})
		.optional()
		.transform((v) => v ?? null)
};

export const createUserSchema = z.object({
	username: z
		.string()
		.trim()
		.min(3, '用户名至少 3 个字符')
		.max(32, '用户名不能超过 32 个字符')
		.regex(/^[a-zA-Z0-9_.-]+$/, '用户名只能包含英文字母、数字、下划线、点和短横线'),
	password: z.string(),
	...userFields,
	// Merchant accounts are made from the merchant's page, where the shop is known.
	role: z.enum(STAFF_ROLES, { message: '请选择角色' })
});

/** A merchant account, made by an officer from the merchant's page. */
export const createMerchantAccountSchema = z.object({
	username: createUserSchema.shape.username,
	displayName: userFields.displayName
});

export const updateUserSchema = z.object(userFields);
