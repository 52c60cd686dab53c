/** Words for the honesty story library (诚信故事), shared by the schema, the forms and the pages. */

/** 投稿 → 审核中 → 已发布 / 不予采用. */
export const STORY_STATES = ['submitted', 'reviewing', 'published', 'rejected'] as const;
export type StoryState = (typeof STORY_STATES)[number];

export const STORY_STATE_LABEL: Record<StoryState, string> = {
	submitted: '投稿',
	reviewing: '审核中',
	published: '已发布',
	rejected: '不予采用'
};

/** Whom the story is about. */
export const STORY_SUBJECTS = ['person', 'enterprise', 'merchant'] as const;
export type StorySubject = (typeof STORY_SUBJECTS)[number];

export const STORY_SUBJECT_LABEL: Record<StorySubject, string> = {
	person: '个人',
	enterprise: '企业',
	merchant: '商户'
};

/** Where a story came from: a resident's submission or entered by staff. */
export const STORY_ORIGINS = ['public', 'staff'] as const;
export type StoryOrigin = (typeof STORY_ORIGINS)[number];

export const STORY_ORIGIN_LABEL: Record<StoryOrigin, string> = {
	public: '群众投稿',
	staff: '工作人员录入'
};

/** Tags offered as suggestions; any tag of up to 10 characters is accepted. */
export const SUGGESTED_TAGS = [
	'诚信经营',
	'拾金不昧',
	'守信践诺',
	'诚信兴商',
	'助人为乐',
	'青少年',
	'计量诚信',
	'志愿服务'
] as const;

export const MAX_TAGS = 5;
export const MAX_STORY_PHOTOS = 6;

/** 事迹宣讲 and 故事汇巡演: the event forms that tell stories and may link them. */
export const STORY_EVENT_FORMS = ['事迹宣讲', '故事汇巡演'] as const;

/** "a, b，c 、d" → ['a','b','c','d']: trimmed, unique, at most MAX_TAGS. */
export function splitTags(raw: string): string[] {
	const out: string[] = [];
	for (const t of raw.split(/[,，、;；\s]+/)) {
		const tag = t.trim();
		if (tag && !out.includes(tag)) out.push(tag);
	}
	return out;
}

/** The district department responsible for the story library (row 42 of the plan). */
export const STORY_DESK = '区文明办';
