/**
 * The written access policy: for each role, record kind and action, the towns of records it may
 * act on. Loads, actions and endpoints ask `can` (through the guards in `./index`), and the
 * property test walks the real handlers against this same table, so the table is the rule.
 *
 * A record's relation to the user is `own` (the record's town is one of the user's towns; for a
 * record a department owns, the user's department; for a merchant's own records, a shop the
 * merchant account speaks for), `host` (a department's record held in one of the user's towns),
 * `other` (anyone else's) or `district` (a record of no owner: a report of a forged code, a user
 * account, a standard). A record hanging off a merchant has the merchant's current town.
 */
import type { Role } from '../db/schema';
import type { SessionUser } from '../auth/session';

export const RELATIONS = ['own', 'host', 'other', 'district'] as const;
export type Relation = (typeof RELATIONS)[number];

export const RELATION_LABEL: Record<Relation, string> = {
	own: '本街镇、本部门或本店',
	host: '在本街镇举办的部门记录',
	other: '其他街镇、部门或商户',
	district: '不属街镇'
};

/** The actions each record kind has. */
export const ACTIONS_OF = {
	merchant: ['view', 'create', 'update', 'supervise', 'export'],
	street: ['view', 'create', 'update', 'export'],
	feedback: ['view', 'decide', 'reply'],
	inspection: ['view', 'create', 'update'],
	badge: ['view', 'print', 'reissue', 'revoke'],
	instrument: ['view', 'create', 'update'],
	event: ['view', 'create', 'update', 'delete'],
	enterprise: ['view', 'create', 'update'],
	user: ['view', 'create', 'update'],
	/** A town's credit-town creation application: the town applies, the district reviews. */
	credit_town: ['view', 'apply', 'review'],
	/** A unit's progress report on a work-plan task: the unit files it, the district reviews it. */
	plan_report: ['view', 'file', 'review'],
	/** A shop's own side, for its merchant account: what is said about it and what it answers. */
	shop: ['view', 'reply', 'appeal', 'reinspect', 'sign'],
	/**
	 * An honest-metrology demonstration unit, with its instruments and fair scales: a record of the
	 * register row 39 gives to its responsible department, held in (and kept by) the unit's town.
	 */
	metrology_unit: ['view', 'create', 'update'],
	/**
	 * An honesty story: staff enter one, edit it, and review it (take it into review, publish,
	 * decline, withdraw). It answers to its town and to 区文明办, the library's responsible unit.
	 */
	story: ['view', 'create', 'update', 'review']
} as const;

export type Kind = keyof typeof ACTIONS_OF;
export type Action = (typeof ACTIONS_OF)[Kind][number];
export type ActionOf<K extends Kind> = (typeof ACTIONS_OF)[K][number];

export const KINDS = Object.keys(ACTIONS_OF) as Kind[];

export const KIND_LABEL: Record<Kind, string> = {
	merchant: '商户',
	street: '示范街',
	feedback: '消费者反馈',
	inspection: '检查评审',
	badge: '牌匾与二维码',
	instrument: '计量器具',
	event: '宣传教育活动',
	enterprise: '企业与承诺',
	user: '用户',
	credit_town: '信用街镇示范创建',
	plan_report: '工作进展报送',
	shop: '商户本店事项',
	metrology_unit: '诚信计量示范单位',
	story: '诚信故事'
};

type Rules = { [K in Kind]?: { [A in ActionOf<K>]?: readonly Relation[] } };

const OWN = ['own'] as const;
/**
 * A department's record held in one of the user's towns that the town keeps (a metrology unit, a
 * story); `own` too, for one while no responsible department is on record.
 */
const HOSTED = ['own', 'host'] as const;
const ALL = RELATIONS;

function everything(): Rules {
	return Object.fromEntries(
		KINDS.map((k) => [k, Object.fromEntries(ACTIONS_OF[k].map((a) => [a, ALL]))])
	) as Rules;
}

/** Role × record kind × action → the relations allowed; anything not listed is refused. */
export const POLICY: Record<Role, Rules> = {
	/**
	 * Everything, except what only the record's own unit or shop does: filing a unit's progress
	 * report, and a shop's own side (the district reads a shop on its staff page, a merchant kind).
	 */
	district_admin: {
		...everything(),
		plan_report: { view: ALL, review: ALL },
		shop: {}
	},
	town_officer: {
		merchant: { view: OWN, create: OWN, update: OWN, supervise: OWN, export: OWN },
		street: { view: OWN, create: OWN, update: OWN, export: OWN },
		feedback: { view: OWN, decide: OWN, reply: OWN },
		inspection: { view: OWN },
		badge: { view: OWN, print: OWN, reissue: OWN, revoke: OWN },
		instrument: { view: OWN, create: OWN, update: OWN },
		// a department's event held in the town is the town's to see, not to change
		event: { view: ['own', 'host'], create: OWN, update: OWN, delete: OWN },
		enterprise: { view: OWN, create: OWN, update: OWN },
		plan_report: { view: OWN, file: OWN },
		credit_town: { view: OWN, apply: OWN },
		// the units held in the town are the town's to keep, for the department's register
		metrology_unit: { view: HOSTED, create: HOSTED, update: HOSTED },
		// a story of the town, in 区文明办's library (`host`; `own` when that department is gone)
		story: { view: HOSTED, create: HOSTED, update: HOSTED, review: HOSTED }
	},
	/** DESIGN.md: inspections of merchants in the towns assigned to them — and what they read for it. */
	inspector: {
		merchant: { view: OWN, export: OWN },
		street: { view: OWN, export: OWN },
		inspection: { view: OWN, create: OWN, update: OWN },
		instrument: { view: OWN },
		metrology_unit: { view: HOSTED }
	},
	/**
	 * A department officer holds no town, so every town's record is refused to it: it keeps its
	 * own department's events and progress reports; the responsible department of row 39
	 * (区市场监管局) reads the whole metrology register, every town's units, without changing them;
	 * and 区文明办 keeps the story library.
	 */
	department_officer: {
		event: { view: OWN, create: OWN, update: OWN, delete: OWN },
		plan_report: { view: OWN, file: OWN },
		metrology_unit: { view: OWN },
		// the story library's own department (区文明办) reviews every town's stories; others none
		story: { view: OWN, create: OWN, update: OWN, review: OWN }
	},
	/**
	 * A merchant account holds no town either (the staff area refuses it): it sees and answers for
	 * the shops it speaks for (its `user_merchant` rows).
	 */
	merchant: {
		shop: { view: OWN, reply: OWN, appeal: OWN, reinspect: OWN, sign: OWN }
	}
};

/** Who asks: the role, its towns, and — for these roles — its department or its shops. */
export type Who = Pick<SessionUser, 'role' | 'townIds'> & {
	departmentId?: number | null;
	merchantIds?: readonly number[];
};

/**
 * Whom a record answers to: its town (null: none); a department that owns it (an event, a
 * report); the shop it is about (a merchant's own records).
 */
export type Owner = {
	townId: number | null | undefined;
	departmentId?: number | null;
	merchantId?: number | null;
};

/** How a record of `townId` (or of the owner given) stands to the user. */
export function relationOf(
	u: Pick<Who, 'townIds' | 'departmentId' | 'merchantIds'>,
	record: number | null | Owner
): Relation {
	const r: Owner = typeof record === 'object' && record != null ? record : { townId: record };
	const townId = r.townId ?? null;
	if (r.merchantId != null && u.merchantIds?.includes(r.merchantId)) return 'own';
	if (r.departmentId != null) {
		if (u.departmentId === r.departmentId) return 'own';
		return townId != null && u.townIds.includes(townId) ? 'host' : 'other';
	}
	if (townId == null) return r.merchantId != null ? 'other' : 'district';
	return u.townIds.includes(townId) ? 'own' : 'other';
}

/** The relations in which the role may take the action on the kind (empty: never). */
export function allowedRelations<K extends Kind>(
	role: Role,
	action: ActionOf<K>,
	kind: K
): readonly Relation[] {
	const rules = POLICY[role][kind] as Partial<Record<ActionOf<K>, readonly Relation[]>> | undefined;
	return rules?.[action] ?? [];
}

/**
 * Whether the user may take the action on the kind of record: on the record given (its town, or
 * null for a record of no town), or — without one — on some record of the kind (list pages).
 */
export function can<K extends Kind>(
	u: Who | null | undefined,
	action: ActionOf<K>,
	kind: K,
	record?: Owner
): boolean {
	if (!u) return false;
	const ok = allowedRelations(u.role, action, kind);
	if (!record) return ok.length > 0;
	return ok.includes(relationOf(u, record));
}
