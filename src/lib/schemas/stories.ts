import { z } from 'zod';
import { MAX_TAGS, STORY_SUBJECTS, splitTags } from '$lib/stories';
import { phone } from './feedback';

export const BODY_MIN = 20;
export const BODY_MAX = 5000;

const tags = z
	.string()
	.trim()
	.max(80, '标签太长，请精简')
	.default('')
	.transform((s) => splitTags(s))
	.refine((t) => t.length <= MAX_TAGS, `标签最多 ${MAX_TAGS} 个`)
	.refine((t) => t.every((x) => x.length <= 10), '每个标签不超过 10 个字');

/** What a story says, for residents and staff alike. */
const storyFields = {
	title: z.string().trim().min(4, '请填写故事标题（至少 4 个字）').max(60, '标题不能超过 60 个字'),
	subjectKind: z.enum(STORY_SUBJECTS, { message: '请选择故事的主人公是个人、企业还是商户' }),
	subjectName: z
		.string()
		.trim()
		.min(2, '请填写主人公的姓名或单位名称')
		.max(60, '名称不能超过 60 个字'),
	townId: z.coerce.number({ message: '请选择街镇' }).int().positive('请选择街镇'),
	body: z
		.string()
		.trim()
		.min(BODY_MIN, `请把故事写具体些，至少 ${BODY_MIN} 个字`)
		.max(BODY_MAX, `故事不能超过 ${BODY_MAX} 个字`),
	source: z.string().trim().max(100, '来源不能超过 100 个字').default(''),
	tags
};

/** A resident's story from the public page; the contact is optional and only staff see it. */
export const storySubmitSchema = z.object({
	...storyFields,
	contactName: z.string().trim().max(30, '联系人不能超过 30 个字').default(''),
	contactPhone: phone
});

export type StorySubmitInput = z.output<typeof storySubmitSchema>;

/** Staff edit a story and may link it to a merchant or enterprise by its USCC. */
export const storyEditSchema = z.object({
	...storyFields,
	linkUscc: z
		.string()
		.trim()
		.toUpperCase()
		.refine((s) => s === '' || /^[0-9A-Z]{18}$/.test(s), '统一社会信用代码应为 18 位数字或大写字母')
		.default('')
});

export type StoryEditInput = z.output<typeof storyEditSchema>;

export const rejectSchema = z.object({
	reason: z
		.string()
		.trim()
		.min(4, '请写明不予采用的原因（至少 4 个字），投稿人会在回执中看到')
		.max(300, '原因不能超过 300 个字')
});
