/** Demo honesty stories: published, in review and declined, one told at a 事迹宣讲 event. */
import * as stories from '../src/lib/server/stories';
import * as events from '../src/lib/server/events';
import { SYSTEM } from '../src/lib/server/actor';
import { storyInput, type StorySpec } from '../src/lib/server/testing/factories';

const STORIES: (StorySpec & { state: 'published' | 'submitted' | 'reviewing' | 'rejected' })[] = [
	{
		town: 'yueyang',
		title: '菜场里的“良心秤”',
		subjectKind: 'person',
		subjectName: '菜场摊主李阿姨',
		body: '李阿姨在菜场卖菜二十年，摊位上一直放着一台自己花钱校准的电子秤。顾客说秤不准，她总是拉着顾客到市场的公平秤前复称，差一两补一两。二十年来没有一起短斤少两的投诉。',
		tags: ['诚信经营', '计量诚信'],
		source: '邻里讲述',
		state: 'published'
	},
	{
		town: 'sijing',
		title: '出租车司机深夜送还钱包',
		subjectKind: 'person',
		subjectName: '出租车司机张师傅',
		body: '深夜十一点，张师傅在车后座发现乘客遗落的钱包，里面有现金和证件。他按照证件上的地址一路找到小区，又在物业的帮助下联系上失主，拒绝了失主的酬谢。',
		tags: ['拾金不昧'],
		source: '媒体报道',
		state: 'published'
	},
	{
		town: 'jiuting',
		title: '一家小企业十年零欠薪',
		subjectKind: 'enterprise',
		subjectName: '九亭某精密机械有限公司',
		body: '这家只有六十名员工的小企业，在最困难的年份也按时足额发放工资，主动向上下游公开信用承诺，按期归还每一笔贷款，被评为守信践诺示范企业。',
		tags: ['守信践诺', '诚信兴商'],
		source: '街镇推荐',
		state: 'published'
	},
	{
		town: 'sheshan',
		title: '民宿老板主动退还多收的房费',
		subjectKind: 'merchant',
		subjectName: '佘山某民宿',
		body: '游客退房后，民宿老板核对账目时发现系统重复扣了一晚房费，当天就联系游客原路退还，并附上一封手写的致歉信。',
		tags: ['诚信经营'],
		source: '游客来信',
		state: 'reviewing'
	},
	{
		town: 'xinqiao',
		title: '我家楼下的早餐店',
		subjectKind: 'merchant',
		subjectName: '楼下早餐店',
		body: '早餐店每天都很早开门，味道不错，价格也公道，我们小区的人都喜欢去他家吃早饭。',
		tags: [],
		source: '亲身经历',
		state: 'rejected'
	},
	{
		town: 'chedun',
		title: '志愿者十年坚持诚信义卖',
		subjectKind: 'person',
		subjectName: '车墩镇志愿者团队',
		body: '十年来，志愿者团队每月在社区开展“无人售卖”诚信义卖，顾客自取商品、自觉投币，所得全部捐给困难家庭，账目每月公开，从未短少。',
		tags: ['志愿服务', '守信践诺'],
		source: '社区推荐',
		state: 'submitted'
	}
];

export function seedStoriesDemo(now = new Date()): string {
	if (stories.publicList({ limit: 1 }).total > 0) return '诚信故事已存在';
	let published = 0;
	for (const [i, s] of STORIES.entries()) {
		const { state, ...spec } = s;
		const at = new Date(now.getTime() - (STORIES.length - i) * 86_400_000 * 9);
		const sent = stories.submit(storyInput(spec), [], at);
		if (state === 'published') {
			stories.decide(SYSTEM, sent.story.id, 'publish', '', at);
			published += 1;
		} else if (state === 'reviewing') stories.decide(SYSTEM, sent.story.id, 'review', '', at);
		else if (state === 'rejected')
			stories.decide(
				SYSTEM,
				sent.story.id,
				'reject',
				'内容较简单，缺少具体的诚信事迹，欢迎补充后再投稿',
				at
			);
	}
	// The first published story was told at a 事迹宣讲 event in its town.
	const first = stories.publicList({ limit: 100 }).items.at(-1);
	const told = events
		.list({ scope: null, pageSize: 200 })
		.items.find((e) => e.formName === '事迹宣讲' && e.townId === first?.townId);
	if (first && told) stories.setForEvent(SYSTEM, told.id, [first.id]);
	return `诚信故事 ${STORIES.length} 个（已发布 ${published} 个）`;
}
