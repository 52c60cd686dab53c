/**
 * The audit log in words: what kind of record an entry is about and what was done to it. An
 * action is `<record>.<verb>`; a verb not named here is shown as its code, so a new action is
 * never hidden, only not yet translated.
 */
import { BADGE_STATE_LABEL, SUPERVISION_KIND_LABEL } from './streets';
import { STATUS_LABEL as FEEDBACK_STATUS_LABEL } from './feedback';
import { UNIT_STATUS_LABEL } from './metrology';

export const AUDIT_RECORD_LABEL: Record<string, string> = {
	appeal: '申诉',
	badge: '牌匾',
	bulk_test: '批量测试',
	campaign: '信用承诺工作',
	campaign_year: '年度目标',
	commitment: '信用承诺',
	commitment_signature: '诚信经营承诺签署',
	count: '进度填报',
	count_report: '进度填报',
	credit_report: '补充信息与信用报告',
	report: '补充信息与信用报告',
	credit_town: '信用街镇创建',
	department: '区级部门',
	enterprise: '企业',
	event: '宣传活动',
	event_option: '活动主题或形式',
	fair_scale: '公平秤',
	feedback: '消费者反馈',
	inspection: '检查评审',
	instrument: '计量器具',
	merchant: '商户',
	merchant_reply: '商户回应',
	reply: '商户回应',
	metrology_unit: '诚信计量示范单位',
	plan: '工作计划',
	plan_task: '工作计划任务',
	plan_year: '年度工作计划',
	progress_report: '进展报送',
	rating: '评级设置',
	reinspection: '整改复查申请',
	reinspection_request: '整改复查申请',
	school: '学校',
	setting: '设置',
	standard: '评价标准',
	story: '诚信故事',
	street: '示范街',
	supervision: '动态监管',
	test: '测试',
	town: '街镇',
	user: '用户'
};

const VERB_LABEL: Record<string, string> = {
	create: '新建',
	update: '修改',
	delete: '删除',
	import: '导入',
	move: '迁移',
	file: '提交',
	sign: '登记签署',
	correct: '更正',
	withdraw: '撤回',
	start: '开始',
	save: '保存',
	submit: '提交',
	grant: '发放',
	flag_handled: '处理可疑扫码',
	targets: '设置目标',
	types: '设置承诺类型',
	reach: '登记受众与学校',
	stories: '关联诚信故事',
	check: '记录核查',
	deadline: '设置期限',
	deductions: '设置扣分',
	reply: '回应',
	reveal_phone: '查看完整电话',
	amend: '更正',
	discard: '作废',
	unit: '关联市场',
	copy_year: '复制到下一年',
	thresholds: '设置评级分数线',
	close: '办结',
	request: '申请',
	draft: '起草新版本',
	publish: '发布',
	points: '调整分数',
	bulk: '批量写入',
	disable: '停用',
	enable: '启用',
	approve: '通过',
	refuse: '退回',
	retire: '停用',
	upheld: '申诉成立',
	dismissed: '申诉不成立',
	review: '开始审核',
	reject: '不予采用',
	republish: '重新公示',
	return: '退回修改',
	accept: '确认',
	change_password: '修改密码',
	reset_password: '重置密码'
};

/** Verbs that are a record's new state, in the record's own words. */
const STATE_VERBS: Record<string, Record<string, string>> = {
	badge: BADGE_STATE_LABEL,
	feedback: FEEDBACK_STATUS_LABEL,
	metrology_unit: UNIT_STATUS_LABEL,
	supervision: SUPERVISION_KIND_LABEL
};

/** The record kind of an entry in words (its code when there is none). */
export function auditRecordLabel(entityType: string): string {
	return AUDIT_RECORD_LABEL[entityType] ?? entityType;
}

/** 「新建 · 用户」, 「牌匾 · 已撤销」; the code itself when the verb is not known. */
export function auditActionLabel(action: string): string {
	const at = action.indexOf('.');
	if (at < 0) return action;
	const record = action.slice(0, at);
	const verb = action.slice(at + 1);
	const what = AUDIT_RECORD_LABEL[record];
	const state = STATE_VERBS[record]?.[verb];
	if (what && state) return `${what} · ${state}`;
	const done = VERB_LABEL[verb];
	return what && done ? `${done} · ${what}` : action;
}
