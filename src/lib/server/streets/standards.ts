/**
 * Standards: versioned checklists for merchants (诚信经营评价标准) and streets (示范街创建标准).
 * A published version is never edited; district admins copy it into a draft, change the draft and
 * publish it as the next version. Inspections keep the version they were scored against.
 */
import { and, asc, desc, eq, max } from 'drizzle-orm';
import { db, type Tx } from '../db';
import {
	inspection,
	standard,
	standardItem,
	type Standard,
	type StandardItem,
	type StandardKind
} from '../db/schema';
import * as audit from '../audit';
import type { Actor } from '../actor';
import { DomainError } from '../forms';
import { STANDARD_KINDS, STANDARD_KIND_LABEL } from '../../streets';
import { DEFAULT_PASS_MARK as CREDIT_TOWN_PASS_MARK } from '../../credit-towns';

export const KIND_LABEL = STANDARD_KIND_LABEL;

export type ItemInput = {
	code: string;
	groupName: string;
	text: string;
	guidance?: string;
	maxPoints: number;
	veto: boolean;
	metrology?: boolean;
};

export const DEFAULT_MERCHANT_ITEMS: ItemInput[] = [
	{
		code: 'A1',
		groupName: '主体资格',
		text: '营业执照等证照齐全有效，亮照经营',
		maxPoints: 10,
		veto: false
	},
	{
		code: 'A2',
		groupName: '主体资格',
		text: '经营场所、经营范围与登记信息一致',
		maxPoints: 5,
		veto: false
	},
	{
		code: 'B1',
		groupName: '经营行为',
		text: '明码标价，价签清晰规范，不在标价之外加价',
		maxPoints: 10,
		veto: false
	},
	{
		code: 'B2',
		groupName: '经营行为',
		text: '不销售假冒伪劣、过期变质商品',
		maxPoints: 10,
		veto: false
	},
	{
		code: 'B3',
		groupName: '经营行为',
		text: '计量器具经检定合格并在有效期内，无短斤少两',
		guidance: '核对每台计量器具的检定证书和下次检定日期',
		maxPoints: 15,
		veto: false,
		metrology: true
	},
	{
		code: 'B4',
		groupName: '经营行为',
		text: '无虚假宣传、价格欺诈和误导消费',
		maxPoints: 10,
		veto: false
	},
	{
		code: 'C1',
		groupName: '自律制度',
		text: '签署并在店内公示诚信经营承诺',
		maxPoints: 10,
		veto: false
	},
	{
		code: 'C2',
		groupName: '自律制度',
		text: '遵守街区自律公约，参加街区自律活动',
		maxPoints: 10,
		veto: false
	},
	{
		code: 'D1',
		groupName: '消费维权',
		text: '消费投诉及时受理，7 日内处理完毕',
		maxPoints: 10,
		veto: false
	},
	{
		code: 'D2',
		groupName: '消费维权',
		text: '落实退换货承诺，无理由退货规则公示',
		maxPoints: 10,
		veto: false
	},
	{ code: 'V1', groupName: '一票否决', text: '被列入严重失信主体名单', maxPoints: 0, veto: true },
	{ code: 'V2', groupName: '一票否决', text: '发生重大质量安全事故', maxPoints: 0, veto: true },
	{
		code: 'V3',
		groupName: '一票否决',
		text: '破坏计量器具准确度或篡改计量数据',
		maxPoints: 0,
		veto: true
	}
];

export const DEFAULT_STREET_ITEMS: ItemInput[] = [
	{
		code: 'S1',
		groupName: '组织保障',
		text: '成立街区诚信建设自律委员会，明确联系人',
		maxPoints: 10,
		veto: false
	},
	{
		code: 'S2',
		groupName: '组织保障',
		text: '制定并在街区显著位置公示自律公约',
		maxPoints: 15,
		veto: false
	},
	{
		code: 'S3',
		groupName: '商户参与',
		text: '街区商户签署诚信经营承诺比例不低于 90%',
		maxPoints: 20,
		veto: false
	},
	{
		code: 'S4',
		groupName: '商户参与',
		text: '诚信经营商户、模范商户占比达到创建目标',
		maxPoints: 15,
		veto: false
	},
	{
		code: 'S5',
		groupName: '环境与公示',
		text: '设置诚信公示栏，定期公布红榜',
		maxPoints: 10,
		veto: false
	},
	{
		code: 'S6',
		groupName: '环境与公示',
		text: '街区计量器具检定全覆盖，设置公平秤',
		maxPoints: 15,
		veto: false,
		metrology: true
	},
	{
		code: 'S7',
		groupName: '消费维权',
		text: '设立消费维权服务站，投诉渠道公开',
		maxPoints: 10,
		veto: false
	},
	{
		code: 'S8',
		groupName: '消费维权',
		text: '建立投诉快速处理和先行赔付机制',
		maxPoints: 5,
		veto: false
	},
	{
		code: 'SV1',
		groupName: '一票否决',
		text: '街区发生重大消费纠纷群体事件或安全事故',
		maxPoints: 0,
		veto: true
	}
];

export type StandardWithItems = Standard & { items: StandardItem[] };

function itemsOf(tx: Tx | typeof db, standardId: number): StandardItem[] {
	return tx
		.select()
		.from(standardItem)
		.where(eq(standardItem.standardId, standardId))
		.orderBy(asc(standardItem.sortOrder), asc(standardItem.id))
		.all();
}

export function byId(id: number, tx: Tx | typeof db = db): StandardWithItems | undefined {
	const s = tx.select().from(standard).where(eq(standard.id, id)).get();
	return s && { ...s, items: itemsOf(tx, id) };
}

/** The latest published version of a kind, with its items. */
export function current(
	kind: StandardKind,
	tx: Tx | typeof db = db
): StandardWithItems | undefined {
	const s = tx
		.select()
		.from(standard)
		.where(and(eq(standard.kind, kind), eq(standard.status, 'published')))
		.orderBy(desc(standard.version))
		.get();
	return s && { ...s, items: itemsOf(tx, s.id) };
}

export function list() {
	const rows = db.select().from(standard).orderBy(asc(standard.kind), desc(standard.version)).all();
	const used = new Set(
		db
			.selectDistinct({ id: inspection.standardId })
			.from(inspection)
			.all()
			.map((r) => r.id)
	);
	return rows.map((r) => ({ ...r, inspected: used.has(r.id) }));
}

export function totalPoints(items: Pick<StandardItem, 'maxPoints' | 'veto'>[]): number {
	return items.filter((i) => !i.veto).reduce((s, i) => s + i.maxPoints, 0);
}

/** What is wrong with a set of items, in Chinese, or null. */
export function checkItems(items: ItemInput[]): string | null {
	if (!items.length) return '标准至少要有一个检查项目';
	const codes = new Set<string>();
	for (const [i, it] of items.entries()) {
		const where = `第 ${i + 1} 项`;
		if (!it.code.trim()) return `${where}：请填写编号`;
		if (codes.has(it.code.trim())) return `${where}：编号 ${it.code} 重复`;
		codes.add(it.code.trim());
		if (!it.groupName.trim()) return `${where}：请填写分组`;
		if (!it.text.trim()) return `${where}：请填写检查内容`;
		if (!it.veto && !(it.maxPoints > 0)) return `${where}：分值必须大于 0`;
		if (it.maxPoints > 100) return `${where}：分值不能超过 100`;
	}
	const total = totalPoints(
		items.map((i) => ({ maxPoints: i.veto ? 0 : i.maxPoints, veto: i.veto }))
	);
	if (Math.abs(total - 100) > 1e-9) return `各项分值合计为 ${total} 分，应为 100 分`;
	return null;
}

function insertItems(tx: Tx, standardId: number, items: ItemInput[]) {
	items.forEach((it, i) =>
		tx
			.insert(standardItem)
			.values({
				standardId,
				code: it.code.trim(),
				groupName: it.groupName.trim(),
				text: it.text.trim(),
				guidance: it.guidance?.trim() ?? '',
				maxPoints: it.veto ? 0 : it.maxPoints,
				veto: it.veto,
				metrology: it.metrology ?? false,
				sortOrder: i + 1
			})
			.run()
	);
}

/** A new draft of a kind, starting from the current published items (or the defaults). */
export function createDraft(actor: Actor, kind: StandardKind): StandardWithItems {
	return db.transaction((tx) => {
		const existing = tx
			.select()
			.from(standard)
			.where(and(eq(standard.kind, kind), eq(standard.status, 'draft')))
			.get();
		if (existing) return byId(existing.id, tx)!;
		const base = current(kind, tx);
		const version =
			(tx
				.select({ v: max(standard.version) })
				.from(standard)
				.where(eq(standard.kind, kind))
				.get()?.v ?? 0) + 1;
		const created = tx
			.insert(standard)
			.values({
				kind,
				version,
				name: base?.name ?? KIND_LABEL[kind],
				passMark: base?.passMark ?? DEFAULT_PASS_MARK[kind] ?? null,
				status: 'draft',
				createdAt: new Date(),
				createdBy: actor.id
			})
			.returning()
			.get();
		insertItems(tx, created.id, base?.items ?? DEFAULT_ITEMS[kind]);
		audit.record(tx, actor, {
			action: 'standard.draft',
			entityType: 'standard',
			entityId: created.id,
			after: created
		});
		return byId(created.id, tx)!;
	});
}

/** Replaces a draft's name, note and items. Published versions cannot be changed. */
export function updateDraft(
	actor: Actor,
	id: number,
	input: { name: string; note: string; items: ItemInput[]; passMark?: number | null }
): StandardWithItems {
	const problem = checkItems(input.items);
	if (problem) throw new DomainError('_', problem);
	if (input.passMark != null && !(input.passMark > 0 && input.passMark <= 100))
		throw new DomainError('passMark', '合格分数线应在 1 到 100 分之间');
	return db.transaction((tx) => {
		const before = byId(id, tx);
		if (!before) throw new DomainError('_', '标准不存在');
		if (before.status !== 'draft') throw new DomainError('_', '已发布的标准不能修改，请新建版本');
		tx.update(standard)
			.set({
				name: input.name.trim() || before.name,
				note: input.note.trim(),
				...(input.passMark !== undefined ? { passMark: input.passMark } : {})
			})
			.where(eq(standard.id, id))
			.run();
		tx.delete(standardItem).where(eq(standardItem.standardId, id)).run();
		insertItems(tx, id, input.items);
		const after = byId(id, tx)!;
		audit.record(tx, actor, {
			action: 'standard.update',
			entityType: 'standard',
			entityId: id,
			before,
			after
		});
		return after;
	});
}

/** Publishes a draft; the previous published version of the kind is retired. */
export function publish(actor: Actor, id: number, now = new Date()): Standard {
	return db.transaction((tx) => {
		const before = byId(id, tx);
		if (!before) throw new DomainError('_', '标准不存在');
		if (before.status !== 'draft') throw new DomainError('_', '只能发布草稿');
		const problem = checkItems(before.items);
		if (problem) throw new DomainError('_', problem);
		tx.update(standard)
			.set({ status: 'retired' })
			.where(and(eq(standard.kind, before.kind), eq(standard.status, 'published')))
			.run();
		const after = tx
			.update(standard)
			.set({ status: 'published', publishedAt: now })
			.where(eq(standard.id, id))
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'standard.publish',
			entityType: 'standard',
			entityId: id,
			before,
			after
		});
		return after;
	});
}

export function discardDraft(actor: Actor, id: number) {
	db.transaction((tx) => {
		const before = byId(id, tx);
		if (!before || before.status !== 'draft') throw new DomainError('_', '只能删除草稿');
		tx.delete(standard).where(eq(standard.id, id)).run();
		audit.record(tx, actor, {
			action: 'standard.discard',
			entityType: 'standard',
			entityId: id,
			before
		});
	});
}

/** 诚信计量示范单位创建标准, version 1. */
export const DEFAULT_UNIT_ITEMS: ItemInput[] = [
	{
		code: 'M1',
		groupName: '计量管理',
		text: '建立计量管理制度，明确计量负责人',
		maxPoints: 15,
		veto: false
	},
	{
		code: 'M2',
		groupName: '计量器具',
		text: '强制检定的计量器具按期检定合格，登记造册',
		maxPoints: 25,
		veto: false,
		metrology: true
	},
	{
		code: 'M3',
		groupName: '公平秤',
		text: '设置公平秤，标识醒目，定期核查并记录',
		maxPoints: 20,
		veto: false
	},
	{
		code: 'M4',
		groupName: '计量行为',
		text: '商品量计量准确，定量包装符合要求',
		maxPoints: 20,
		veto: false
	},
	{
		code: 'M5',
		groupName: '诚信承诺',
		text: '公开诚信计量承诺，接受社会监督',
		maxPoints: 20,
		veto: false
	},
	{
		code: 'V1',
		groupName: '否决项',
		text: '使用作弊计量器具或故意短斤少两被查实',
		maxPoints: 0,
		veto: true
	}
];

/** 信用街镇示范创建标准, version 1: each item's guidance names the evidence the town files. */
export const DEFAULT_CREDIT_TOWN_ITEMS: ItemInput[] = [
	{
		code: 'T1',
		groupName: '组织领导',
		text: '成立信用街镇创建工作领导小组，主要领导牵头，明确责任科室和联络员',
		guidance: '佐证材料：领导小组成立文件、分工名单、专题会议纪要',
		maxPoints: 10,
		veto: false
	},
	{
		code: 'T2',
		groupName: '组织领导',
		text: '制定年度创建工作方案，纳入街镇年度重点工作并落实经费',
		guidance: '佐证材料：创建工作方案、年度工作要点或预算安排',
		maxPoints: 5,
		veto: false
	},
	{
		code: 'T3',
		groupName: '信用承诺',
		text: '组织辖区企业开展信用承诺公示，完成年度目标',
		guidance: '佐证材料：承诺公示名单或截图、完成情况统计',
		maxPoints: 15,
		veto: false
	},
	{
		code: 'T4',
		groupName: '信用修复',
		text: '建立信用修复指导服务机制，主动告知并协助失信主体修复信用',
		guidance: '佐证材料：修复指导制度、告知书样本、修复服务台账',
		maxPoints: 10,
		veto: false
	},
	{
		code: 'T5',
		groupName: '诚信宣传',
		text: '开展诚信主题宣传活动，推进诚信进社区、进园区、进校园、进机关',
		guidance: '佐证材料：活动方案、照片、新闻报道，全年不少于 4 场',
		maxPoints: 15,
		veto: false
	},
	{
		code: 'T6',
		groupName: '社区治理嵌入信用',
		text: '将信用承诺、诚信积分等融入社区治理和居民自治，形成可复制的做法',
		guidance: '佐证材料：居民公约或积分办法、应用案例',
		maxPoints: 15,
		veto: false
	},
	{
		code: 'T7',
		groupName: '示范街建设',
		text: '辖区建成或在建诚信示范街，示范街商户诚信档案完整',
		guidance: '佐证材料：示范街名单、授牌情况、商户档案抽查记录',
		maxPoints: 15,
		veto: false
	},
	{
		code: 'T8',
		groupName: '信用应用',
		text: '在政务服务、评优评先、项目申报中查询使用信用记录',
		guidance: '佐证材料：查询使用制度、应用记录',
		maxPoints: 10,
		veto: false
	},
	{
		code: 'T9',
		groupName: '工作报送',
		text: '按时报送创建工作进展，数据真实准确',
		guidance: '佐证材料：工作进展报送记录',
		maxPoints: 5,
		veto: false
	},
	{
		code: 'TV1',
		groupName: '一票否决',
		text: '辖区发生重大失信事件并造成恶劣社会影响',
		maxPoints: 0,
		veto: true
	}
];

const DEFAULT_ITEMS: Record<StandardKind, ItemInput[]> = {
	merchant: DEFAULT_MERCHANT_ITEMS,
	street: DEFAULT_STREET_ITEMS,
	metrology_unit: DEFAULT_UNIT_ITEMS,
	credit_town: DEFAULT_CREDIT_TOWN_ITEMS
};

/** The pass mark of version 1 of each kind: only the credit-town standard has its own. */
const DEFAULT_PASS_MARK: Partial<Record<StandardKind, number>> = {
	credit_town: CREDIT_TOWN_PASS_MARK
};

/**
 * Reference data, like the towns: version 1 of each kind, published, unless any version of it
 * exists. Later versions are user edits and are audited.
 */
export function seed() {
	db.transaction((tx) => {
		for (const kind of STANDARD_KINDS) {
			const any = tx
				.select({ id: standard.id })
				.from(standard)
				.where(eq(standard.kind, kind))
				.get();
			if (any) continue;
			const created = tx
				.insert(standard)
				.values({
					kind,
					version: 1,
					name: KIND_LABEL[kind],
					note: '默认标准',
					status: 'published',
					passMark: DEFAULT_PASS_MARK[kind] ?? null,
					publishedAt: new Date(),
					createdAt: new Date()
				})
				.returning()
				.get();
			insertItems(tx, created.id, DEFAULT_ITEMS[kind]);
		}
	});
}
