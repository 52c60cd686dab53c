import { z } from 'zod';
import { CADENCES } from '$lib/plan';

const checkbox = z
	.literal('on', { message: '勾选框的值有误，请刷新页面后重试' })
	.optional()
	.transform((v) => v === 'on');

const departmentName = z
	.string()
	.trim()
	.min(2, '请填写部门名称（至少 2 个字）')
	.max(30, '部门名称不能超过 30 个字');

export const departmentSchema = z.object({ name: departmentName });

/** A row of the departments table: `active` is a checkbox. */
export const departmentRowSchema = z.object({
	id: z.coerce.number().int().positive('部门不存在'),
	name: departmentName,
	active: checkbox
});

export const taskSchema = z.object({
	id: z.coerce.number().int().positive('任务不存在'),
	title: z.string().trim().min(2, '请填写任务名称').max(40, '任务名称不能超过 40 个字'),
	text: z.string().trim().min(4, '请填写计划原文').max(1000, '计划原文不能超过 1000 个字'),
	workPoint: z.coerce
		.number({ message: '工作要点序号应为数字' })
		.int('工作要点序号应为整数')
		.min(1, '工作要点序号应为正整数')
		.max(99, '工作要点序号过大'),
	allTowns: checkbox,
	unitsNote: z.string().trim().max(100, '其他责任单位不能超过 100 个字').default(''),
	departmentIds: z.array(z.coerce.number().int().positive()).default([])
});

export const settingsSchema = z.object({
	cadence: z.enum(CADENCES, { message: '请选择报送频次' }),
	dueDay: z.coerce
		.number({ message: '截止日应为数字' })
		.int('截止日应为整数')
		.min(1, '截止日应为 1 到 28 日')
		.max(28, '截止日应为 1 到 28 日')
});

export const copyYearSchema = z.object({
	to: z.coerce.number({ message: '请填写年份' }).int().min(2020, '年份有误').max(2100, '年份有误')
});

export const reportSchema = z.object({
	text: z.string().trim().max(5000, '工作进展不能超过 5000 个字').default(''),
	figures: z.string().trim().max(1000, '本单位数据不能超过 1000 个字').default(''),
	removeFile: z.array(z.coerce.number().int().positive()).default([]),
	intent: z.enum(['save', 'submit']).default('save')
});

export const returnSchema = z.object({
	comment: z.string().trim().min(2, '请写明需要修改的内容').max(500, '退回意见不能超过 500 个字')
});
