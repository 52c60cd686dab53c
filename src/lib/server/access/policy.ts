/**
 * The written access policy: for each role, record kind and action, the towns of records it may
 * act on. Loads, actions and endpoints ask `can` (through the guards in `./index`), and the
 * property test walks the real handlers against this same table, so the table is the rule.
 *
 * A record's relation to the user is `own` (the record's town is one of the user's towns),
 * `other` (another town's) or `district` (a record of no town: a report of a forged code, a user
 * account, a standard). A record hanging off a merchant has the merchant's current town.
 */
import type { Role } from '../db/schema';
import type { SessionUser } from '../auth/session';

export const RELATIONS = ['own', 'other', 'district'] as const;
export type Relation = (typeof RELATIONS)[number];

export const RELATION_LABEL: Record<Relation, string> = {
	own: '本街镇',
	other: '其他街镇',
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
	credit_town: ['view', 'apply', 'review']
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
	credit_town: '信用街镇示范创建'
};

type Rules = { [K in Kind]?: { [A in ActionOf<K>]?: readonly Relation[] } };

const OWN = ['own'] as const;
const ALL = RELATIONS;

function everything(): Rules {
	return Object.fromEntries(
		KINDS.map((k) => [k, Object.fromEntries(ACTIONS_OF[k].map((a) => [a, ALL]))])
	) as Rules;
}

/** Role × record kind × action → the relations allowed; anything not listed is refused. */
export const POLICY: Record<Role, Rules> = {
	district_admin: everything(),
	town_officer: {
		merchant: { view: OWN, create: OWN, update: OWN, supervise: OWN, export: OWN },
		street: { view: OWN, create: OWN, update: OWN, export: OWN },
		feedback: { view: OWN, decide: OWN, reply: OWN },
		inspection: { view: OWN },
		badge: { view: OWN, print: OWN, reissue: OWN, revoke: OWN },
		instrument: { view: OWN, create: OWN, update: OWN },
		event: { view: OWN, create: OWN, update: OWN, delete: OWN },
		enterprise: { view: OWN, create: OWN, update: OWN },
		credit_town: { view: OWN, apply: OWN }
	},
	/** DESIGN.md: inspections of merchants in the towns assigned to them — and what they read for it. */
	inspector: {
		merchant: { view: OWN, export: OWN },
		street: { view: OWN, export: OWN },
		inspection: { view: OWN, create: OWN, update: OWN },
		instrument: { view: OWN }
	},
	/**
	 * A department officer holds no town, so every town's record is refused to it. What it may do
	 * belongs to its department, not to a town: its own events (`events.canWrite`) and its
	 * progress reports (`plan/reports`), each checked against the department in that module.
	 */
	department_officer: {},
	/**
	 * A merchant account holds no town either: it sees and answers for its own shops only, through
	 * its `user_merchant` rows (`portal/scope.ts`), and the staff area refuses it.
	 */
	merchant: {}
};

/** How a record of `townId` stands to the user. */
export function relationOf(u: Pick<SessionUser, 'townIds'>, townId: number | null): Relation {
	if (townId == null) return 'district';
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
	u: Pick<SessionUser, 'role' | 'townIds'> | null | undefined,
	action: ActionOf<K>,
	kind: K,
	record?: { townId: number | null | undefined }
): boolean {
	if (!u) return false;
	const ok = allowedRelations(u.role, action, kind);
	if (!record) return ok.length > 0;
	return ok.includes(relationOf(u, record.townId ?? null));
}
