/** Words for schools and young people (青少年诚信教育), shared by the schema, forms and pages. */

export const SCHOOL_KINDS = ['primary', 'junior', 'senior', 'vocational', 'nine_year'] as const;
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

export const SCHOOL_KIND_LABEL: Record<SchoolKind, string> = {
	primary: '小学',
	junior: '初中',
	senior: '高中',
	vocational: '中职',
	nine_year: '九年一贯制'
};

/** Whom an event reached. */
export const AUDIENCES = [
	'student',
	'teacher',
	'parent',
	'resident',
	'employee',
	'official',
	'other'
] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_LABEL: Record<Audience, string> = {
	student: '学生',
	teacher: '教师',
	parent: '家长',
	resident: '社区居民',
	employee: '企业员工',
	official: '机关干部',
	other: '其他'
};

/** 法治信用一体化 activity types in schools. */
export const YOUTH_ACTIVITY_TYPES = [
	'lesson',
	'practice',
	'class_meeting',
	'campus_talk',
	'contest',
	'other'
] as const;
export type YouthActivityType = (typeof YOUTH_ACTIVITY_TYPES)[number];

export const YOUTH_ACTIVITY_LABEL: Record<YouthActivityType, string> = {
	lesson: '课堂',
	practice: '实践活动',
	class_meeting: '主题班会',
	campus_talk: '校园宣讲',
	contest: '竞赛',
	other: '其他'
};

/** How many school rows the event form offers for schools reached. */
export const REACH_ROWS = 4;

/** Marks demo schools' names, so nobody mistakes them for the real register. */
export const DEMO_MARK = '（演示）';

/** The district department whose officers read the schools-and-youth view (row 41 of the plan). */
export const YOUTH_DESK = '区教育局';
