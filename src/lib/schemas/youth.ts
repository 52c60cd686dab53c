import { z } from 'zod';
import { AUDIENCES, SCHOOL_KINDS, YOUTH_ACTIVITY_TYPES, type Audience } from '$lib/youth';
import { withLocation } from './location';

const count = (label: string) =>
	z
		.string()
		.trim()
		.default('')
		.refine((s) => s === '' || /^\d{1,6}$/.test(s), `${label}应为 0 到 999999 的整数`)
		.transform((s) => (s === '' ? 0 : Number(s)));

/** The form names of the audience counts: `aud_student`, `aud_teacher`, … */
export const audienceField = (a: Audience) => `aud_${a}`;

/** The lists the event form sends for its reach: schools with their students, linked stories. */
export const REACH_LISTS = ['reachSchool', 'reachStudents', 'story'];

/**
 * What the event form adds for schools and young people (audience counts, schools reached with
 * students each, the activity type) and for stories (the published stories it told).
 */
export const eventReachSchema = z
	.object({
		youthActivity: z
			.union([z.literal(''), z.enum(YOUTH_ACTIVITY_TYPES)], { message: '请选择活动类型' })
			.default(''),
		...Object.fromEntries(AUDIENCES.map((a) => [audienceField(a), count('人数')])),
		reachSchool: z.array(z.string().trim()).default([]),
		reachStudents: z.array(z.string().trim()).default([]),
		story: z.array(z.coerce.number().int().positive('故事不存在')).default([])
	})
	.transform((v, ctx) => {
		const rec = v as unknown as Record<string, number>;
		const audiences = Object.fromEntries(
			AUDIENCES.map((a) => [a, rec[audienceField(a)]] as const).filter(([, n]) => n > 0)
		) as Partial<Record<Audience, number>>;
		const schools: { schoolId: number; students: number }[] = [];
		v.reachSchool.forEach((raw, i) => {
			const students = v.reachStudents[i] ?? '';
			if (!raw) {
				if (students)
					ctx.addIssue({ code: 'custom', path: ['reachSchool'], message: '请选择学校' });
				return;
			}
			if (students !== '' && !/^\d{1,6}$/.test(students))
				ctx.addIssue({ code: 'custom', path: ['reachSchool'], message: '学生人数应为整数' });
			const schoolId = Number(raw);
			if (schools.some((s) => s.schoolId === schoolId))
				ctx.addIssue({ code: 'custom', path: ['reachSchool'], message: '同一所学校只需填写一次' });
			schools.push({ schoolId, students: Number(students || 0) });
		});
		const sum = schools.reduce((n, s) => n + s.students, 0);
		if (audiences.student != null && audiences.student < sum)
			ctx.addIssue({
				code: 'custom',
				path: [audienceField('student')],
				message: `学生人数（${audiences.student}）少于各学校学生人数之和（${sum}），请核对`
			});
		if (sum > 0 && audiences.student == null) audiences.student = sum;
		return {
			youth: { activityType: v.youthActivity || null, audiences, schools },
			storyIds: v.story
		};
	});

export type EventReach = z.output<typeof eventReachSchema>;

export const schoolSchema = z.object({
	name: z.string().trim().min(4, '请填写学校全称').max(60, '学校名称不能超过 60 个字'),
	kind: z.enum(SCHOOL_KINDS, { message: '请选择学段' }),
	townId: z.coerce.number({ message: '请选择街镇' }).int().positive('请选择街镇'),
	address: z.string().trim().max(100, '地址不能超过 100 个字').default('')
});

export type SchoolInput = z.output<typeof schoolSchema>;

const located = schoolSchema.extend({
	locationLat: z.string().optional(),
	locationLng: z.string().optional()
});

/** A school as the district's schools page sends it: the register's fields and its location. */
export const schoolFormSchema = located.transform(withLocation);

export type SchoolFormInput = z.output<typeof schoolFormSchema>;

/** An edit of one school on the schools page. */
export const schoolEditSchema = located
	.extend({ id: z.coerce.number().int().positive('学校不存在') })
	.transform(withLocation);

export const schoolIdSchema = z.object({ id: z.coerce.number().int().positive('学校不存在') });
