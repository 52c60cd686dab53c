/**
 * The access policy as a model: random sequences of users (each role, in town A, in town B, the
 * district, signed out), records (in A, in B, of no town) and requests through the real loads,
 * actions and endpoints, with merchants and streets moving between towns along the way. Every
 * answer — let through, or 403 / 404 / to the login page — must be what `POLICY` says for the
 * record as it stands at that moment; forms that post a `townId`, `streetId`, `role`, `merchantId`
 * the user may not set must change nothing they may not change.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { desc, eq } from 'drizzle-orm';
import { db } from '../db';
import {
	badge,
	enterprise,
	event as eventTable,
	instrument,
	merchant,
	merchantReply,
	story as storyTable,
	street
} from '../db/schema';
import {
	can,
	KINDS,
	ACTIONS_OF,
	POLICY,
	relationOf,
	type Kind,
	type Owner,
	type Relation
} from './policy';
import * as streets from '../streets';
import { inspections, instruments, merchants } from '../streets';
import * as users from '../users';
import * as towns from '../towns';
import * as events from '../events';
import * as plan from '../plan';
import * as metrology from '../metrology';
import * as stories from '../stories';
import type { SessionUser } from '../auth/session';
import {
	fakeUscc,
	feedbackInput,
	inspectMerchant,
	makeEnterprise,
	makeEvent,
	makeEventInput,
	makeFeedback,
	makeMerchant,
	makeMerchantAccount,
	makeStreet,
	makeUnit,
	makeUser,
	merchantInput,
	storyInput,
	streetInput
} from '../testing/factories';
import * as feedbackDomain from '../feedback';
import { allowed, answer, requestEvent, type Answer } from '../testing/requests';

import * as merchantPage from '../../../routes/(app)/staff/merchants/[id=id]/+page.server';
import * as merchantEdit from '../../../routes/(app)/staff/merchants/[id=id]/edit/+page.server';
import * as merchantNew from '../../../routes/(app)/staff/merchants/new/+page.server';
import * as merchantBadge from '../../../routes/(app)/staff/merchants/[id=id]/badge/+page.server';
import * as merchantPrint from '../../../routes/(print)/staff/merchants/[id=id]/print/+page.server';
import * as merchantExport from '../../../routes/(app)/staff/merchants/export/+server';
import * as qrPng from '../../../routes/(app)/staff/badges/[serial=serial]/qr.png/+server';
import * as qrSvg from '../../../routes/(app)/staff/badges/[serial=serial]/qr.svg/+server';
import * as badgesPage from '../../../routes/(app)/staff/badges/+page.server';
import * as streetPage from '../../../routes/(app)/staff/streets/[id=id]/+page.server';
import * as streetEdit from '../../../routes/(app)/staff/streets/[id=id]/edit/+page.server';
import * as streetNew from '../../../routes/(app)/staff/streets/new/+page.server';
import * as streetBadges from '../../../routes/(app)/staff/streets/[id=id]/badges/+page.server';
import * as streetPrint from '../../../routes/(print)/staff/streets/[id=id]/print/+page.server';
import * as feedbackPage from '../../../routes/(app)/staff/feedback/[id=id]/+page.server';
import * as feedbackList from '../../../routes/(app)/staff/feedback/+page.server';
import * as inspectionPage from '../../../routes/(app)/staff/inspections/[id=id]/+page.server';
import * as eventPage from '../../../routes/(app)/staff/events/[id=id]/+page.server';
import * as eventEdit from '../../../routes/(app)/staff/events/[id=id]/edit/+page.server';
import * as eventNew from '../../../routes/(app)/staff/events/new/+page.server';
import * as enterprisePage from '../../../routes/(app)/staff/campaign/enterprises/[id=id]/+page.server';
import * as enterpriseNew from '../../../routes/(app)/staff/campaign/enterprises/new/+page.server';
import * as userPage from '../../../routes/(app)/(admin)/staff/admin/users/[id=id]/+page.server';
import * as accountPage from '../../../routes/(app)/staff/account/+page.server';
import * as storyPage from '../../../routes/(app)/staff/stories/[id=id]/+page.server';
import * as storyNew from '../../../routes/(app)/staff/stories/new/+page.server';
import * as storyList from '../../../routes/(app)/staff/stories/+page.server';
import * as reportPage from '../../../routes/(app)/staff/plan/reports/[task=id]/[period]/+page.server';
import * as shopPage from '../../../routes/(merchant)/merchant/[id=id]/+page.server';
import * as metrologyList from '../../../routes/(app)/staff/metrology/+page.server';
import * as metrologyPage from '../../../routes/(app)/staff/metrology/[id=id]/+page.server';

type Where = 'A' | 'B' | 'none';
type Form = Record<string, string | string[]>;
type Call = (e: never) => unknown;

/** One kind of request: which rule it exercises, and how to send it about a record in `where`. */
type Request = {
	name: string;
	kind: Kind;
	action: string;
	/** Whether the request may be about a record of no town. */
	districtRecord?: boolean;
	/** Sends it; returns the answer and the owners (a town id, or a fuller owner) the table must allow for it. */
	send: (
		u: SessionUser | null,
		where: Where
	) => Promise<{ answer: Answer; towns: (number | null | Owner)[] }>;
	/** After an answer: what must hold of the stored records (mass-assigned fields). */
	after?: (u: SessionUser | null, ok: boolean, where: Where) => void;
};

const TOWNS = { A: 'yueyang', B: 'sheshan' } as const;
let townId: Record<'A' | 'B', number>;
let admin: SessionUser;
let actors: { label: string; user: SessionUser | null }[];
const world = {} as {
	streets: Record<'A' | 'B', number>;
	merchants: Record<'A' | 'B', number>;
	events: Record<'A' | 'B', number>;
	enterprises: Record<'A' | 'B', number>;
	users: Record<'A' | 'B', number>;
	/** Events of a department (区教育局 for A, 区文明办 for B), held in town A or B. */
	deptEvents: Record<'A' | 'B', number>;
	departments: Record<'A' | 'B', number>;
	/** Metrology demonstration units, first registered in town A or B. */
	units: Record<'A' | 'B', number>;
	/** A resident's story of each town (in 区文明办's library). */
	stories: Record<'A' | 'B', number>;
	forged: number;
};

const run = (
	call: Call,
	u: SessionUser | null,
	path: string,
	params: Record<string, string>,
	form?: Form
) => answer(() => call(requestEvent(u, path, params, form) as never));

const other = (w: Where): 'A' | 'B' => (w === 'B' ? 'A' : 'B');
const town = (w: Where): 'A' | 'B' => (w === 'none' ? 'A' : w);

function merchantOf(w: Where) {
	return merchants.byId(world.merchants[town(w)])!;
}

function feedbackOf(w: Where) {
	if (w === 'none') return feedbackDomain.byId(world.forged)!;
	const m = merchantOf(w);
	const latest = feedbackDomain.queue(null, { status: 'all', merchantId: m.id, pageSize: 1 })
		.items[0];
	return latest ? feedbackDomain.byId(latest.id)! : freshFeedback(w);
}

/** New pending feedback on the merchant, past the public limits (they are not under test here). */
function freshFeedback(w: Where) {
	return feedbackDomain.record(feedbackInput(merchantOf(w).id));
}

function badgeOf(w: Where) {
	const m = merchantOf(w);
	return db.select().from(badge).where(eq(badge.merchantId, m.id)).orderBy(desc(badge.id)).get()!;
}

function inspectionOf(w: Where) {
	const m = merchantOf(w);
	const latest = inspections.list(null, { merchantId: m.id, limit: 1 })[0];
	return latest ? inspections.byId(latest.id)! : inspections.start(admin, { merchantId: m.id });
}

function instrumentOf(w: Where) {
	const m = merchantOf(w);
	return (
		instruments.forMerchant(m.id)[0] ??
		instruments.create(admin, m.id, {
			type: 'price_scale',
			serial: `S-${m.id}`,
			lastVerifiedOn: '2026-06-01',
			nextDueOn: '2027-06-01',
			certificateNo: '',
			note: ''
		})
	);
}

function merchantForm(m: ReturnType<typeof merchantOf>, streetId: number): Form {
	return {
		name: m.name,
		uscc: m.uscc,
		streetId: String(streetId),
		address: m.address,
		category: m.category,
		tradingStatus: 'open',
		contactName: m.contactName,
		contactPhone: m.contactPhone,
		// Not the merchant form's to set: the town follows the street.
		townId: String(streets.byId(streetId)!.townId === townId.A ? townId.B : townId.A)
	};
}

function streetForm(s: typeof street.$inferSelect, toTown: number): Form {
	return {
		name: s.name,
		townId: String(toTown),
		status: s.status,
		convention: s.convention,
		description: s.description,
		committeeContact: s.committeeContact,
		committeePhone: s.committeePhone,
		geometry: s.geometry ? JSON.stringify(s.geometry) : ''
	};
}

function eventForm(toTown: number, title: string, departmentId: number | null = null): Form {
	const e = makeEventInput({ town: 'yueyang', title });
	return {
		title,
		townId: String(toTown),
		departmentId: departmentId == null ? '' : String(departmentId),
		themeId: String(e.themeId),
		formId: String(e.formId),
		venue: e.venue,
		startDate: e.startDate,
		endDate: e.endDate,
		organisers: e.organisers,
		participants: String(e.participants),
		materials: e.materials,
		summary: e.summary,
		isPublic: 'on'
	};
}

/** A load of a record's page at `{base}/{id}{suffix}`, the record being the one in `where`. */
function onRecord(
	of: (w: Where) => { id: number; townId: number },
	base: string
): (name: string, kind: Kind, action: string, call: unknown, suffix: string) => Request {
	return (name, kind, action, call, suffix) => ({
		name,
		kind,
		action,
		send: async (u, w) => {
			const r = of(w);
			const path = `${base}/${r.id}${suffix}`;
			return { answer: await run(call as Call, u, path, { id: String(r.id) }), towns: [r.townId] };
		}
	});
}

const onMerchant = onRecord(merchantOf, '/staff/merchants');
const onStreet = onRecord((w) => streets.byId(world.streets[town(w)])!, '/staff/streets');

/** A create request made its record exactly when it was let through, with the owner it was given. */
function expectMade(a: Answer, row: object | undefined, owner: Record<string, unknown>) {
	expect(!!row).toBe(allowed(a));
	if (row) expect(row).toMatchObject(owner);
}

let made = 0;

const REQUESTS: Request[] = [
	onMerchant('merchant page', 'merchant', 'view', merchantPage.load, ''),
	{
		name: 'merchant edit, moving it to a street of the other town, posting a townId',
		kind: 'merchant',
		action: 'update',
		send: async (u, w) => {
			const m = merchantOf(w);
			const to = streets.byId(world.streets[other(townOfId(m.townId))])!;
			const a = await run(
				merchantEdit.actions.update as Call,
				u,
				`/staff/merchants/${m.id}/edit?/update`,
				{ id: String(m.id) },
				merchantForm(m, to.id)
			);
			return { answer: a, towns: [m.townId, to.townId] };
		},
		after: (_u, _ok, w) => {
			const m = merchantOf(w);
			expect(m.townId).toBe(streets.byId(m.streetId)!.townId);
		}
	},
	{
		name: 'new merchant on a street of A or B, posting a townId',
		kind: 'merchant',
		action: 'create',
		send: async (u, w) => {
			const s = streets.byId(world.streets[town(w)])!;
			const input = merchantInput(s.id);
			const form: Form = {
				...Object.fromEntries(
					Object.entries(input).map(([k, v]) => [k, v == null ? '' : String(v)])
				),
				townId: String(townId[other(w)])
			};
			const a = await run(
				merchantNew.actions.create as Call,
				u,
				'/staff/merchants/new?/create',
				{},
				form
			);
			const created = merchants.byId(
				db.select({ id: merchant.id }).from(merchant).where(eq(merchant.uscc, input.uscc)).get()
					?.id ?? 0
			);
			expectMade(a, created, { townId: s.townId });
			return { answer: a, towns: [s.townId] };
		}
	},
	{
		name: 'supervision entry',
		kind: 'merchant',
		action: 'supervise',
		send: async (u, w) => {
			const m = merchantOf(w);
			const a = await run(
				merchantPage.actions.supervise as Call,
				u,
				`/staff/merchants/${m.id}?/supervise`,
				{ id: String(m.id) },
				{ kind: 'commendation', title: '表扬', publicNote: '获得区级表彰', points: '1' }
			);
			return { answer: a, towns: [m.townId] };
		}
	},
	{
		name: 'merchant export',
		kind: 'merchant',
		action: 'export',
		send: async (u) => {
			const a = await run(merchantExport.GET as Call, u, '/staff/merchants/export?format=csv', {});
			return { answer: a, towns: [] };
		}
	},
	onStreet('street page', 'street', 'view', streetPage.load, ''),
	{
		name: 'street edit, posting the other town',
		kind: 'street',
		action: 'update',
		send: async (u, w) => {
			const s = streets.byId(world.streets[town(w)])!;
			const to = townId[other(townOfId(s.townId))];
			const a = await run(
				streetEdit.actions.update as Call,
				u,
				`/staff/streets/${s.id}/edit?/update`,
				{ id: String(s.id) },
				streetForm(s, to)
			);
			expect(streets.byId(s.id)!.townId).toBe(allowed(a) && a.status === 303 ? to : s.townId);
			return { answer: a, towns: [s.townId, to] };
		},
		after: () => {
			for (const id of Object.values(world.streets))
				for (const m of db.select().from(merchant).where(eq(merchant.streetId, id)).all())
					expect(m.townId).toBe(streets.byId(id)!.townId);
		}
	},
	{
		name: 'new street, posting a townId',
		kind: 'street',
		action: 'create',
		send: async (u, w) => {
			const t = townId[town(w)];
			const input = streetInput(TOWNS[town(w)]);
			const a = await run(
				streetNew.actions.create as Call,
				u,
				'/staff/streets/new?/create',
				{},
				{
					...streetForm({ ...input, geometry: input.geometry ?? null } as never, t)
				}
			);
			const created = db.select().from(street).where(eq(street.name, input.name)).get();
			expectMade(a, created, { townId: t });
			return { answer: a, towns: [t] };
		}
	},
	{
		name: 'feedback page',
		kind: 'feedback',
		action: 'view',
		districtRecord: true,
		send: async (u, w) => {
			const f = feedbackOf(w);
			const a = await run(feedbackPage.load as Call, u, `/staff/feedback/${f.id}`, {
				id: String(f.id)
			});
			return { answer: a, towns: [currentTownOfFeedback(f)] };
		}
	},
	{
		name: 'feedback decision',
		kind: 'feedback',
		action: 'decide',
		districtRecord: true,
		send: async (u, w) => {
			const f = w === 'none' ? feedbackOf(w) : freshFeedback(w);
			const a = await run(
				feedbackPage.actions.decide as Call,
				u,
				`/staff/feedback/${f.id}?/decide`,
				{ id: String(f.id) },
				{ status: 'mediated', note: '已调解', merchantId: String(world.merchants[other(w)]) }
			);
			const after = feedbackDomain.byId(f.id)!;
			expect(after.merchantId).toBe(f.merchantId);
			if (w !== 'none') expect(after.status === 'mediated').toBe(allowed(a));
			return { answer: a, towns: [currentTownOfFeedback(f)] };
		}
	},
	{
		name: 'merchant reply',
		kind: 'feedback',
		action: 'reply',
		districtRecord: true,
		send: async (u, w) => {
			const f = feedbackOf(w);
			const a = await run(
				feedbackPage.actions.reply as Call,
				u,
				`/staff/feedback/${f.id}?/reply`,
				{ id: String(f.id) },
				{ reply: '已退还差价并致歉。' }
			);
			return { answer: a, towns: [currentTownOfFeedback(f)] };
		}
	},
	{
		name: 'feedback queue',
		kind: 'feedback',
		action: 'view',
		send: async (u) => {
			const a = await run(feedbackList.load as Call, u, '/staff/feedback', {});
			return { answer: a, towns: [] };
		}
	},
	{
		name: 'start an inspection from the merchant page',
		kind: 'inspection',
		action: 'create',
		send: async (u, w) => {
			const m = merchantOf(w);
			const a = await run(
				merchantPage.actions.inspect as Call,
				u,
				`/staff/merchants/${m.id}?/inspect`,
				{
					id: String(m.id)
				}
			);
			return { answer: a, towns: [m.townId] };
		}
	},
	{
		name: 'inspection page',
		kind: 'inspection',
		action: 'view',
		send: async (u, w) => {
			const i = inspectionOf(w);
			const a = await run(inspectionPage.load as Call, u, `/staff/inspections/${i.id}`, {
				id: String(i.id)
			});
			return { answer: a, towns: [inspections.currentTown(i)] };
		}
	},
	{
		name: 'save an inspection draft',
		kind: 'inspection',
		action: 'update',
		send: async (u, w) => {
			const i = inspectionOf(w);
			const a = await run(
				inspectionPage.actions.save as Call,
				u,
				`/staff/inspections/${i.id}?/save`,
				{ id: String(i.id) },
				{ summary: '复查', merchantId: String(world.merchants[other(w)]) }
			);
			expect(inspections.byId(i.id)?.merchantId).toBe(i.merchantId);
			return { answer: a, towns: [inspections.currentTown(i)] };
		}
	},
	onMerchant('badge page', 'badge', 'view', merchantBadge.load, '/badge'),
	onStreet('street plaques page', 'badge', 'view', streetBadges.load, '/badges'),
	{
		name: 'plaques and scans overview',
		kind: 'badge',
		action: 'view',
		send: async (u) => ({
			answer: await run(badgesPage.load as Call, u, '/staff/badges', {}),
			towns: []
		})
	},
	onMerchant('print a merchant plaque', 'badge', 'print', merchantPrint.load, '/print'),
	onStreet('print a street of plaques', 'badge', 'print', streetPrint.load, '/print'),
	{
		name: 'QR PNG / SVG',
		kind: 'badge',
		action: 'print',
		send: async (u, w) => {
			const b = badgeOf(w);
			const m = merchants.byId(b.merchantId)!;
			const png = await run(qrPng.GET as Call, u, `/staff/badges/${b.serial}/qr.png`, {
				serial: b.serial
			});
			const svg = await run(qrSvg.GET as Call, u, `/staff/badges/${b.serial}/qr.svg`, {
				serial: b.serial
			});
			expect(allowed(svg)).toBe(allowed(png));
			return { answer: png, towns: [m.townId] };
		}
	},
	{
		name: 'reissue a plaque',
		kind: 'badge',
		action: 'reissue',
		send: async (u, w) => {
			const m = merchantOf(w);
			const a = await run(
				merchantBadge.actions.reissue as Call,
				u,
				`/staff/merchants/${m.id}/badge?/reissue`,
				{
					id: String(m.id)
				},
				{}
			);
			return { answer: a, towns: [m.townId] };
		}
	},
	{
		name: 'add an instrument, posting another merchantId',
		kind: 'instrument',
		action: 'create',
		send: async (u, w) => {
			const m = merchantOf(w);
			const otherId = world.merchants[other(w)];
			const serial = `T-${++made}`;
			const a = await run(
				merchantPage.actions.addInstrument as Call,
				u,
				`/staff/merchants/${m.id}?/addInstrument`,
				{ id: String(m.id) },
				{
					type: 'price_scale',
					serial,
					lastVerifiedOn: '2026-06-01',
					nextDueOn: '2027-06-01',
					merchantId: String(otherId)
				}
			);
			const row = db.select().from(instrument).where(eq(instrument.serial, serial)).get();
			expectMade(a, row, { merchantId: m.id });
			return { answer: a, towns: [m.townId] };
		}
	},
	{
		name: "update an instrument, or another merchant's through this one",
		kind: 'instrument',
		action: 'update',
		send: async (u, w) => {
			const m = merchantOf(w);
			const mine = instrumentOf(w);
			const theirs = instrumentOf(other(w));
			const a = await run(
				merchantPage.actions.updateInstrument as Call,
				u,
				`/staff/merchants/${m.id}?/updateInstrument`,
				{ id: String(m.id) },
				{ instrumentId: String(mine.id), lastVerifiedOn: '2026-07-01', nextDueOn: '2027-07-01' }
			);
			const cross = await run(
				merchantPage.actions.updateInstrument as Call,
				u,
				`/staff/merchants/${m.id}?/updateInstrument`,
				{ id: String(m.id) },
				{ instrumentId: String(theirs.id), retired: 'on' }
			);
			expect(allowed(cross)).toBe(false);
			expect(instruments.byId(theirs.id)?.retired).toBe(theirs.retired);
			return { answer: a, towns: [m.townId] };
		}
	},
	{
		name: 'event page',
		kind: 'event',
		action: 'view',
		send: async (u, w) => {
			const e = events.get(world.events[town(w)])!;
			const a = await run(eventPage.load as Call, u, `/staff/events/${e.id}`, { id: String(e.id) });
			return { answer: a, towns: [e.townId] };
		}
	},
	{
		name: 'event edit, posting the other town',
		kind: 'event',
		action: 'update',
		send: async (u, w) => {
			const e = events.get(world.events[town(w)])!;
			const to = townId[other(townOfId(e.townId!))];
			const a = await run(
				eventEdit.actions.update as Call,
				u,
				`/staff/events/${e.id}/edit?/update`,
				{ id: String(e.id) },
				eventForm(to, e.title)
			);
			expect(events.get(e.id)!.townId).toBe(allowed(a) ? to : e.townId);
			return { answer: a, towns: [e.townId, to] };
		}
	},
	{
		name: 'new event, posting a townId',
		kind: 'event',
		action: 'create',
		send: async (u, w) => {
			const t = townId[town(w)];
			const title = `模型测试活动 ${++made}`;
			const a = await run(
				eventNew.actions.create as Call,
				u,
				'/staff/events/new?/create',
				{},
				eventForm(t, title)
			);
			const row = db.select().from(eventTable).where(eq(eventTable.title, title)).get();
			expectMade(a, row, { townId: t, departmentId: null });
			return { answer: a, towns: [t] };
		}
	},
	{
		name: 'enterprise page',
		kind: 'enterprise',
		action: 'view',
		send: async (u, w) => {
			const id = world.enterprises[town(w)];
			const e = db.select().from(enterprise).where(eq(enterprise.id, id)).get()!;
			const a = await run(enterprisePage.load as Call, u, `/staff/campaign/enterprises/${id}`, {
				id: String(id)
			});
			return { answer: a, towns: [e.townId] };
		}
	},
	{
		name: 'new enterprise, posting a townId',
		kind: 'enterprise',
		action: 'create',
		send: async (u, w) => {
			const t = townId[town(w)];
			const uscc = fakeUscc(700_000 + ++made);
			const a = await run(
				enterpriseNew.actions.create as Call,
				u,
				'/staff/campaign/enterprises/new?/create',
				{},
				{
					name: `模型测试企业${made}`,
					uscc,
					townId: String(t),
					address: '',
					industry: ''
				}
			);
			const row = db.select().from(enterprise).where(eq(enterprise.uscc, uscc)).get();
			expectMade(a, row, { townId: t });
			return { answer: a, towns: [t] };
		}
	},
	{
		name: 'user account page',
		kind: 'user',
		action: 'view',
		districtRecord: true,
		send: async (u, w) => {
			const id = world.users[town(w)];
			const a = await run(userPage.load as Call, u, `/staff/admin/users/${id}`, { id: String(id) });
			return { answer: a, towns: [null] };
		}
	},
	{
		name: 'user update, posting a role',
		kind: 'user',
		action: 'update',
		districtRecord: true,
		send: async (u, w) => {
			const id = world.users[town(w)];
			const before = users.getById(id)!;
			const a = await run(
				userPage.actions.update as Call,
				u,
				`/staff/admin/users/${id}?/update`,
				{ id: String(id) },
				{
					displayName: before.displayName,
					role: 'district_admin',
					townIds: []
				}
			);
			if (!allowed(a)) expect(users.getById(id)!.role).toBe(before.role);
			else
				users.update(admin, id, {
					displayName: before.displayName,
					role: before.role,
					townIds: before.townIds
				});
			return { answer: a, towns: [null] };
		}
	},
	{
		name: 'department event page',
		kind: 'event',
		action: 'view',
		send: async (u, w) => {
			const e = events.get(world.deptEvents[town(w)])!;
			const a = await run(eventPage.load as Call, u, `/staff/events/${e.id}`, { id: String(e.id) });
			return { answer: a, towns: [ownerOf(e)] };
		}
	},
	{
		name: 'department event edit, posting the other department',
		kind: 'event',
		action: 'update',
		send: async (u, w) => {
			const e = events.get(world.deptEvents[town(w)])!;
			const to = otherDepartment(e.departmentId!);
			const a = await run(
				eventEdit.actions.update as Call,
				u,
				`/staff/events/${e.id}/edit?/update`,
				{ id: String(e.id) },
				eventForm(e.townId!, e.title, to)
			);
			expect(events.get(e.id)!.departmentId).toBe(allowed(a) ? to : e.departmentId);
			return { answer: a, towns: [ownerOf(e), { townId: e.townId, departmentId: to }] };
		}
	},
	{
		name: 'new department event, posting a departmentId',
		kind: 'event',
		action: 'create',
		send: async (u, w) => {
			const d = world.departments[town(w)];
			const title = `模型测试部门活动 ${++made}`;
			const a = await run(
				eventNew.actions.create as Call,
				u,
				'/staff/events/new?/create',
				{},
				eventForm(townId.A, title, d)
			);
			const row = db.select().from(eventTable).where(eq(eventTable.title, title)).get();
			expectMade(a, row, { departmentId: d });
			return { answer: a, towns: [{ townId: townId.A, departmentId: d }] };
		}
	},
	{
		name: "区教育局's progress report page",
		kind: 'plan_report',
		action: 'view',
		send: async (u) => {
			const { task, unit } = eduReport();
			const a = await run(
				reportPage.load as Call,
				u,
				`/staff/plan/reports/${task.id}/2026-03?unit=${unit.key}`,
				{ task: String(task.id), period: '2026-03' }
			);
			return { answer: a, towns: [plan.units.ownerOfUnit(unit)] };
		}
	},
	{
		name: "file 区教育局's progress report, posting another unit",
		kind: 'plan_report',
		action: 'file',
		send: async (u) => {
			const { task, unit } = eduReport();
			const a = await run(
				reportPage.actions.save as Call,
				u,
				`/staff/plan/reports/${task.id}/2026-03?/save`,
				{ task: String(task.id), period: '2026-03' },
				{
					text: `三月进展 ${++made}`,
					figures: '',
					intent: 'save',
					unit: `department-${world.departments.B}`,
					departmentId: String(world.departments.B),
					townId: String(townId.A)
				}
			);
			const filed = plan.reports.find(task.id, unit.key, '2026-03');
			if (allowed(a)) expect(filed?.text).toBe(`三月进展 ${made}`);
			for (const other of plan.units.all().filter((x) => x.key !== unit.key))
				expect(plan.reports.find(task.id, other.key, '2026-03')).toBeUndefined();
			return { answer: a, towns: [plan.units.ownerOfUnit(unit)] };
		}
	},
	{
		name: 'staff story list',
		kind: 'story',
		action: 'view',
		send: async (u, w) => {
			const a = await run(storyList.load as Call, u, `/staff/stories?town=${TOWNS[town(w)]}`, {});
			return { answer: a, towns: [stories.ownerOf(townId[town(w)])] };
		}
	},
	{
		name: 'story page',
		kind: 'story',
		action: 'view',
		send: async (u, w) => {
			const s = stories.byId(world.stories[town(w)])!;
			const a = await run(storyPage.load as Call, u, `/staff/stories/${s.id}`, {
				id: String(s.id)
			});
			return { answer: a, towns: [stories.ownerOf(s.townId)] };
		}
	},
	{
		name: 'publish or withdraw a story',
		kind: 'story',
		action: 'review',
		send: async (u, w) => {
			const s = stories.byId(world.stories[town(w)])!;
			const to = s.state === 'published' ? 'withdraw' : 'publish';
			const a = await run(
				storyPage.actions[to] as Call,
				u,
				`/staff/stories/${s.id}?/${to}`,
				{ id: String(s.id) },
				{}
			);
			const after = stories.byId(s.id)!.state;
			if (!allowed(a)) expect(after).toBe(s.state);
			else expect(after).toBe(to === 'publish' ? 'published' : 'reviewing');
			return { answer: a, towns: [stories.ownerOf(s.townId)] };
		}
	},
	{
		name: 'story edit, posting the other town',
		kind: 'story',
		action: 'update',
		send: async (u, w) => {
			const s = stories.detail(world.stories[town(w)])!;
			const to = townId[other(w)];
			const a = await run(
				storyPage.actions.update as Call,
				u,
				`/staff/stories/${s.id}?/update`,
				{ id: String(s.id) },
				{ ...(stories.valuesOf(s) as Form), townId: String(to) }
			);
			const after = stories.byId(s.id)!;
			expect(after.townId).toBe(allowed(a) ? to : s.townId);
			return { answer: a, towns: [stories.ownerOf(s.townId), stories.ownerOf(to)] };
		}
	},
	{
		name: 'new story',
		kind: 'story',
		action: 'create',
		send: async (u, w) => {
			const input = storyInput({ town: TOWNS[town(w)], title: `模型测试故事 ${++made}` });
			const a = await run(storyNew.actions.create as Call, u, '/staff/stories/new?/create', {}, {
				...input,
				townId: String(input.townId),
				tags: input.tags.join('、')
			} as Form);
			const row = db.select().from(storyTable).where(eq(storyTable.title, input.title)).get();
			expectMade(a, row, { townId: input.townId });
			return { answer: a, towns: [stories.ownerOf(input.townId)] };
		}
	},
	{
		name: "a shop's own page in the merchant portal",
		kind: 'shop',
		action: 'view',
		send: async (u, w) => {
			const m = merchantOf(w);
			const a = await run(shopPage.load as Call, u, `/merchant/${m.id}`, { id: String(m.id) });
			return { answer: a, towns: [{ townId: m.townId, merchantId: m.id }] };
		}
	},
	{
		name: "a shop's reply to a complaint, posting another merchantId",
		kind: 'shop',
		action: 'reply',
		send: async (u, w) => {
			const m = merchantOf(w);
			const f = freshFeedback(w);
			const a = await run(
				shopPage.actions.reply as Call,
				u,
				`/merchant/${m.id}?/reply`,
				{ id: String(m.id) },
				{
					targetType: 'feedback',
					targetId: String(f.id),
					body: '已向顾客道歉并补足分量',
					merchantId: String(world.merchants[other(w)])
				}
			);
			const row = db.select().from(merchantReply).where(eq(merchantReply.targetId, f.id)).get();
			expectMade(a, row, { merchantId: m.id });
			return { answer: a, towns: [{ townId: m.townId, merchantId: m.id }] };
		}
	},
	{
		name: 'metrology register, filtered to the town',
		kind: 'metrology_unit',
		action: 'view',
		send: async (u, w) => {
			const t = townId[town(w)];
			const a = await run(
				metrologyList.load as Call,
				u,
				`/staff/metrology?town=${TOWNS[town(w)]}`,
				{}
			);
			return { answer: a, towns: [metrology.ownerOf({ townId: t })] };
		}
	},
	{
		name: 'metrology unit page',
		kind: 'metrology_unit',
		action: 'view',
		send: async (u, w) => {
			const unit = unitOf(w);
			const a = await run(metrologyPage.load as Call, u, `/staff/metrology/${unit.id}`, {
				id: String(unit.id)
			});
			return { answer: a, towns: [metrology.ownerOf(unit)] };
		}
	},
	{
		name: 'metrology unit edit, posting the other town',
		kind: 'metrology_unit',
		action: 'update',
		send: async (u, w) => {
			const unit = unitOf(w);
			const to = townId[other(townOfId(unit.townId))];
			const a = await run(
				metrologyPage.actions.update as Call,
				u,
				`/staff/metrology/${unit.id}?/update`,
				{ id: String(unit.id) },
				{ ...metrology.valuesOf(unit), townId: String(to) }
			);
			expect(metrology.byId(unit.id)!.townId).toBe(allowed(a) ? to : unit.townId);
			return {
				answer: a,
				towns: [metrology.ownerOf(unit), metrology.ownerOf({ townId: to })]
			};
		}
	},
	{
		name: 'fair scale added to a metrology unit',
		kind: 'metrology_unit',
		action: 'update',
		send: async (u, w) => {
			const unit = unitOf(w);
			const a = await run(
				metrologyPage.actions.addScale as Call,
				u,
				`/staff/metrology/${unit.id}?/addScale`,
				{ id: String(unit.id) },
				{ serial: `GP-${++made}`, place: '服务台' }
			);
			return { answer: a, towns: [metrology.ownerOf(unit)] };
		}
	}
];

/** The unit first registered in the town (it may have moved since). */
function unitOf(w: Where) {
	return metrology.byId(world.units[town(w)])!;
}

/** 区教育局 answers for work-plan row 41. */
function eduReport() {
	const task = plan.tasks.get(2026, 41)!;
	const unit = plan.units.get({ kind: 'department', id: world.departments.A })!;
	return { task, unit };
}

function ownerOf(e: { townId: number | null; departmentId: number | null }): Owner {
	return { townId: e.townId, departmentId: e.departmentId };
}

function otherDepartment(id: number) {
	return id === world.departments.A ? world.departments.B : world.departments.A;
}

function townOfId(id: number): 'A' | 'B' {
	return id === townId.A ? 'A' : 'B';
}

function currentTownOfFeedback(f: { merchantId: number | null; townId: number | null }) {
	return f.merchantId ? merchants.byId(f.merchantId)!.townId : null;
}

/** What the table says: every owner the request touches must be allowed. */
function expected(u: SessionUser | null, r: Request, touched: (number | null | Owner)[]) {
	if (!touched.length) return can(u, r.action as never, r.kind);
	return touched.every((t) =>
		can(u, r.action as never, r.kind, t != null && typeof t === 'object' ? t : { townId: t })
	);
}

/** Moves one merchant to a street of the other town, or one street to the other town. */
function move(which: 'merchant' | 'street', w: 'A' | 'B') {
	if (which === 'merchant') {
		const m = merchantOf(w);
		const to = world.streets[other(townOfId(m.townId))];
		merchants.update(admin, m.id, { ...merchantInput(to), ...m, streetId: to });
	} else {
		const s = streets.byId(world.streets[w])!;
		streets.update(admin, s.id, {
			...streetInput(TOWNS[other(townOfId(s.townId))]),
			name: s.name,
			townId: townId[other(townOfId(s.townId))]
		});
	}
}

async function check(label: string, u: SessionUser | null, r: Request, w: Where) {
	const sent = await r.send(u, w);
	const want = expected(u, r, sent.towns);
	const got = allowed(sent.answer);
	expect(
		{ user: label, request: r.name, where: w, allowed: got, status: sent.answer.status },
		`${label} → ${r.name} (${w})`
	).toEqual({ user: label, request: r.name, where: w, allowed: want, status: sent.answer.status });
	if (!got) {
		if (u) expect([403, 404]).toContain(sent.answer.status);
		else expect(sent.answer.location).toMatch(/^\/login/);
	}
	r.after?.(u, got, w);
}

beforeAll(async () => {
	townId = { A: towns.bySlug(TOWNS.A)!.id, B: towns.bySlug(TOWNS.B)!.id };
	admin = await makeUser('district_admin');
	actors = [
		{ label: 'signed out', user: null },
		{ label: 'district admin', user: admin },
		{ label: 'town officer A', user: await makeUser('town_officer', [TOWNS.A]) },
		{ label: 'town officer B', user: await makeUser('town_officer', [TOWNS.B]) },
		{ label: 'inspector A', user: await makeUser('inspector', [TOWNS.A]) },
		{ label: 'inspector A+B', user: await makeUser('inspector', [TOWNS.A, TOWNS.B]) },
		{
			label: 'department officer 区教育局',
			user: await makeUser('department_officer', [], { department: '区教育局' })
		},
		{
			label: 'department officer 区文明办',
			user: await makeUser('department_officer', [], { department: '区文明办' })
		},
		{
			// row 39's responsible unit: reads every town's metrology units
			label: 'department officer 区市场监管局',
			user: await makeUser('department_officer', [], { department: '区市场监管局' })
		}
	];
	const s = { A: makeStreet(admin, TOWNS.A).id, B: makeStreet(admin, TOWNS.B).id };
	const m = { A: makeMerchant(admin, s.A).id, B: makeMerchant(admin, s.B).id };
	// the merchant account of shop A (the table reads its shops; the portal looks them up itself)
	const shopA = await makeMerchantAccount([m.A]);
	actors.push({
		label: 'merchant of shop A',
		user: { ...shopA, merchantIds: [m.A] } as SessionUser
	});
	world.departments = {
		A: plan.departments.byName('区教育局')!.id,
		B: plan.departments.byName('区文明办')!.id
	};
	for (const id of Object.values(m)) {
		inspectMerchant(admin, id, 95);
		makeFeedback(id);
	}
	const forged = feedbackDomain.reportForged('forged-client', {
		code: 'NOT-A-CODE',
		place: '某超市门口',
		body: '看到一块可疑的牌匾',
		phone: ''
	})!;
	world.streets = s;
	world.merchants = m;
	world.forged = forged.id;
	world.events = {
		A: makeEvent(admin, { town: TOWNS.A }).id,
		B: makeEvent(admin, { town: TOWNS.B }).id
	};
	world.deptEvents = {
		A: makeEvent(admin, { town: TOWNS.A, department: '区教育局' }).id,
		B: makeEvent(admin, { town: TOWNS.B, department: '区文明办' }).id
	};
	world.units = { A: makeUnit(admin, TOWNS.A).id, B: makeUnit(admin, TOWNS.B).id };
	world.stories = {
		A: stories.submit(storyInput({ town: TOWNS.A })).story.id,
		B: stories.submit(storyInput({ town: TOWNS.B })).story.id
	};
	world.enterprises = {
		A: makeEnterprise(admin, TOWNS.A).id,
		B: makeEnterprise(admin, TOWNS.B).id
	};
	world.users = {
		A: (await makeUser('town_officer', [TOWNS.A])).id,
		B: (await makeUser('inspector', [TOWNS.B])).id
	};
});

describe('the access policy table', () => {
	it('lists every action of every kind for the district and nothing for a signed-out visitor', () => {
		// what only a record's own unit or shop does: filing its report, a shop's own side
		const notTheDistricts = ['plan_report.file', ...ACTIONS_OF.shop.map((a) => `shop.${a}`)];
		for (const k of KINDS)
			for (const a of ACTIONS_OF[k]) {
				const district = !notTheDistricts.includes(`${k}.${a}`);
				expect(can(admin, a as never, k, { townId: townId.A }), `${k}.${a}`).toBe(district);
				expect(can(admin, a as never, k, { townId: null }), `${k}.${a}`).toBe(district);
				expect(can(null, a as never, k)).toBe(false);
			}
		// DESIGN.md: inspectors get inspections of merchants in their towns, and nothing else to change.
		const inspectorChanges = Object.entries(POLICY.inspector).flatMap(([k, rules]) =>
			Object.keys(rules ?? {})
				.filter((a) => a !== 'view' && a !== 'export')
				.map((a) => `${k}.${a}`)
		);
		expect(inspectorChanges.sort()).toEqual(['inspection.create', 'inspection.update']);
		const rel: Relation = relationOf({ townIds: [townId.A] }, townId.B);
		expect(rel).toBe('other');
		// Only the district reaches beyond its own towns, departments and shops; a town sees (only
		// sees) a department's event held in it, and keeps (towns and inspectors: sees) the
		// metrology units held in it, which are a department's register.
		const hosted = (role: string, k: string, a: string) =>
			(role === 'town_officer' && k === 'event' && a === 'view') ||
			((role === 'town_officer' || role === 'inspector') && k === 'metrology_unit') ||
			(role === 'town_officer' && k === 'story');
		for (const role of ['town_officer', 'inspector', 'department_officer', 'merchant'] as const)
			for (const [k, rules] of Object.entries(POLICY[role]))
				for (const [a, rels] of Object.entries(rules ?? {}))
					expect(rels, `${role} ${k}.${a}`).toEqual(hosted(role, k, a) ? ['own', 'host'] : ['own']);
		// The new roles hold nothing of a town: a department its events and reports (and the
		// metrology register, to read, for the department that answers for it), a merchant its shops.
		// …and 区文明办 the story library (a story answers to it and to its town)
		expect(Object.keys(POLICY.department_officer).sort()).toEqual([
			'event',
			'metrology_unit',
			'plan_report',
			'story'
		]);
		expect(Object.keys(POLICY.department_officer.metrology_unit ?? {})).toEqual(['view']);
		const market = actors.find((a) => a.label === 'department officer 区市场监管局')!.user!;
		const civility = actors.find((a) => a.label === 'department officer 区文明办')!.user!;
		for (const t of [townId.A, townId.B]) {
			const unit = metrology.ownerOf({ townId: t });
			expect(relationOf(market, unit)).toBe('own');
			expect(relationOf(civility, unit)).toBe('other');
			expect(relationOf({ townIds: [t] }, unit)).toBe('host');
			expect(can(market, 'view', 'metrology_unit', unit)).toBe(true);
			expect(can(market, 'update', 'metrology_unit', unit)).toBe(false);
			expect(can(civility, 'view', 'metrology_unit', unit)).toBe(false);
		}
		for (const a of ACTIONS_OF.story) {
			const desk = {
				role: 'department_officer' as const,
				townIds: [],
				departmentId: world.departments.B
			};
			const edu = { ...desk, departmentId: world.departments.A };
			expect(can(desk, a, 'story', stories.ownerOf(townId.A)), `区文明办 story.${a}`).toBe(true);
			expect(can(edu, a, 'story', stories.ownerOf(townId.A)), `区教育局 story.${a}`).toBe(false);
		}
		expect(Object.keys(POLICY.merchant)).toEqual(['shop']);
		expect(
			relationOf({ townIds: [townId.A] }, { townId: townId.A, departmentId: world.departments.A })
		).toBe('host');
		expect(relationOf({ townIds: [], merchantIds: [1] }, { townId: townId.A, merchantId: 2 })).toBe(
			'other'
		);
	});

	it('the own-account form never sets a role or a town, whatever is posted', async () => {
		for (const { label, user } of actors) {
			const a = await run(
				accountPage.actions.changePassword as Call,
				user,
				'/staff/account',
				{},
				{
					current: 'wrong-password',
					next: 'Another-password-9x',
					confirm: 'Another-password-9x',
					role: 'district_admin',
					townIds: [String(townId.A), String(townId.B)]
				}
			);
			if (!user) {
				expect(a.location, label).toMatch(/^\/login/);
				continue;
			}
			expect(a.status, label).toBe(400);
			const stored = users.getById(user.id)!;
			expect(stored.role, label).toBe(user.role);
			expect([...stored.townIds].sort(), label).toEqual([...user.townIds].sort());
		}
	});

	it('every request by every user about a record in each town answers as the table says', async () => {
		for (const r of REQUESTS)
			for (const w of (r.districtRecord ? ['A', 'B', 'none'] : ['A', 'B']) as Where[])
				for (const a of actors) await check(a.label, a.user, r, w);
	});

	it('random sequences of requests, with merchants and streets moving between towns, answer as the table says', async () => {
		const step = fc.oneof(
			{
				weight: 8,
				arbitrary: fc.record({
					type: fc.constant('request' as const),
					actor: fc.nat({ max: 100 }),
					request: fc.nat({ max: REQUESTS.length - 1 }),
					where: fc.constantFrom<Where>('A', 'B', 'none')
				})
			},
			{
				weight: 1,
				arbitrary: fc.record({
					type: fc.constant('move' as const),
					which: fc.constantFrom<'merchant' | 'street'>('merchant', 'street'),
					where: fc.constantFrom<'A' | 'B'>('A', 'B')
				})
			}
		);
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
				for (const s of steps) {
					if (s.type === 'move') {
						move(s.which, s.where);
						continue;
					}
					const a = actors[s.actor % actors.length];
					const r = REQUESTS[s.request];
					const w = s.where === 'none' && !r.districtRecord ? 'A' : s.where;
					await check(a.label, a.user, r, w);
				}
			}),
			{ numRuns: 40 }
		);
	});
});
