/**
 * Merchants on the honesty streets: who they are, where (WGS-84), their storefront photo and
 * trading status, and their current level and badge, kept current by inspections and supervision.
 * Also the bulk import of a street's merchants.
 */
import { and, asc, count, desc, eq, like, or, type SQL } from 'drizzle-orm';
import { db } from '../db';
import { loadInScope, townIn } from '../access';
import type { SessionUser } from '../auth/session';
import { badge, merchant, street, town, type Badge, type Level, type Merchant } from '../db/schema';
import * as audit from '../audit';
import * as rehome from './rehome';
import type { Actor } from '../actor';
import { DomainError } from '../forms';
import type { Checked } from '../files/imports';
import type { Sheet } from '../files/tabular';
import { merchantSchema, type MerchantInput } from '../../schemas/streets';
import { CATEGORY_LABEL, LEVELS, LEVEL_LABEL } from '../../streets';
import * as query from '../query';
import { deleteImagesLater, imageUrl } from '../files/uploads';

/** A `DomainError` of the merchant import, with the import's older argument order. */
export class MerchantError extends DomainError {
	constructor(message: string, field = '_') {
		super(field, message);
	}
}

export type MerchantFilter = {
	townId?: number;
	streetId?: number;
	level?: Level;
	q?: string;
	page?: number;
	pageSize?: number;
};

/** The staff list's parameters: `town` (slug), `street` (id), `level`, `q`, `page`, `pageSize`. */
export const LIST_PARAMS = {
	town: query.town,
	street: query.id,
	level: query.oneOf(LEVELS, LEVEL_LABEL)
};

/** A merchant list's filter from its URL; a bad value is a 400 naming the parameter. */
export function merchantFilter(url: URL): MerchantFilter & { page: number; pageSize: number } {
	const q = query.list(url, LIST_PARAMS);
	return {
		townId: q.filters.town?.id,
		streetId: q.filters.street,
		level: q.filters.level,
		q: q.q,
		page: q.page,
		pageSize: q.pageSize
	};
}

function conditions(scope: number[] | null, f: MerchantFilter): SQL | undefined {
	const c: (SQL | undefined)[] = [];
	c.push(townIn(merchant.townId, scope));
	if (f.townId) c.push(eq(merchant.townId, f.townId));
	if (f.streetId) c.push(eq(merchant.streetId, f.streetId));
	if (f.level) c.push(eq(merchant.level, f.level));
	if (f.q) {
		const p = `%${f.q.replace(/[%_]/g, '')}%`;
		c.push(or(like(merchant.name, p), like(merchant.uscc, p), like(merchant.address, p)));
	}
	return and(...c);
}

/** A merchant with its street, town and badge for a page: 404 when missing, 403 outside the user's towns. */
export function forUser(u: SessionUser, id: number) {
	return loadInScope(u, detail(id), (d) => d.merchant.townId, '商户不存在');
}

export function byId(id: number): Merchant | undefined {
	return db.select().from(merchant).where(eq(merchant.id, id)).get();
}

/** A merchant with its street, town and current badge. */
export function detail(id: number) {
	return db
		.select({ merchant, street, townName: town.name, townSlug: town.slug, badge })
		.from(merchant)
		.innerJoin(street, eq(street.id, merchant.streetId))
		.innerJoin(town, eq(town.id, merchant.townId))
		.leftJoin(badge, eq(badge.id, merchant.currentBadgeId))
		.where(eq(merchant.id, id))
		.get();
}

export function list(scope: number[] | null, f: MerchantFilter = {}) {
	const where = conditions(scope, f);
	const pageSize = f.pageSize ?? 50;
	const page = Math.max(1, f.page ?? 1);
	const items = db
		.select({
			id: merchant.id,
			name: merchant.name,
			uscc: merchant.uscc,
			category: merchant.category,
			tradingStatus: merchant.tradingStatus,
			level: merchant.level,
			score: merchant.score,
			lastInspectedOn: merchant.lastInspectedOn,
			streetId: merchant.streetId,
			streetName: street.name,
			townName: town.name,
			badgeState: badge.state,
			validUntil: badge.validUntil
		})
		.from(merchant)
		.innerJoin(street, eq(street.id, merchant.streetId))
		.innerJoin(town, eq(town.id, merchant.townId))
		.leftJoin(badge, eq(badge.id, merchant.currentBadgeId))
		.where(where)
		.orderBy(asc(street.name), asc(merchant.name))
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.all();
	const total = db.select({ n: count() }).from(merchant).where(where).get()?.n ?? 0;
	return { items, page, pageSize, total };
}

function townOfStreet(streetId: number): number {
	const s = db.select({ townId: street.townId }).from(street).where(eq(street.id, streetId)).get();
	if (!s) throw new DomainError('streetId', '所选街区不存在');
	return s.townId;
}

function assertUniqueUscc(uscc: string, exceptId?: number) {
	const clash = db
		.select({ id: merchant.id, name: merchant.name })
		.from(merchant)
		.where(eq(merchant.uscc, uscc))
		.get();
	if (clash && clash.id !== exceptId)
		throw new DomainError('uscc', `该统一社会信用代码已登记为商户「${clash.name}」`);
}

export function create(
	actor: Actor,
	input: MerchantInput & { photoKey?: string | null },
	now = new Date()
): Merchant {
	const townId = townOfStreet(input.streetId);
	assertUniqueUscc(input.uscc);
	return db.transaction((tx) => {
		const created = tx
			.insert(merchant)
			.values({ ...input, townId, createdAt: now, updatedAt: now })
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'merchant.create',
			entityType: 'merchant',
			entityId: created.id,
			townId,
			after: created
		});
		return created;
	});
}

export function update(
	actor: Actor,
	id: number,
	input: MerchantInput & { photoKey?: string | null },
	now = new Date()
): Merchant {
	const townId = townOfStreet(input.streetId);
	assertUniqueUscc(input.uscc, id);
	const updated = db.transaction((tx) => {
		const before = tx.select().from(merchant).where(eq(merchant.id, id)).get();
		if (!before) throw new DomainError('_', '商户不存在');
		const after = tx
			.update(merchant)
			.set({ ...input, photoKey: input.photoKey ?? before.photoKey, townId, updatedAt: now })
			.where(eq(merchant.id, id))
			.returning()
			.get();
		audit.record(tx, actor, {
			action: 'merchant.update',
			entityType: 'merchant',
			entityId: id,
			townId,
			before,
			after
		});
		if (before.townId !== townId)
			rehome.merchantMoved(tx, actor, after, before.townId, townId, now);
		return { before, after };
	});
	// a replaced storefront photo goes with its file
	if (updated.before.photoKey && updated.before.photoKey !== updated.after.photoKey)
		deleteImagesLater([updated.before.photoKey]);
	return updated.after;
}

export const IMPORT_COLUMNS = ['商户名称', '统一社会信用代码', '经营地址', '类别'] as const;
export const IMPORT_OPTIONAL = ['联系人', '联系电话', '纬度', '经度'] as const;

const CATEGORY_BY_LABEL = new Map<string, MerchantInput['category']>(
	Object.entries(CATEGORY_LABEL).map(([k, v]) => [v, k as MerchantInput['category']])
);

/**
 * Checks each row of a street's merchant file. A USCC already on another street, or twice in the
 * file, is a bad row; one already on this street updates that merchant, so importing the same file
 * twice changes nothing.
 */
export function checkImport(sheet: Sheet, streetId: number): Checked<MerchantInput> {
	const good: Checked<MerchantInput>['good'] = [];
	const bad: Checked<MerchantInput>['bad'] = [];
	const seen = new Map<string, number>();
	const existing = new Map(
		db
			.select({ uscc: merchant.uscc, streetId: merchant.streetId, name: merchant.name })
			.from(merchant)
			.all()
			.map((r) => [r.uscc, r])
	);
	for (const row of sheet.rows) {
		const c = row.cells;
		const summary = `${c['商户名称'] ?? ''} ${c['统一社会信用代码'] ?? ''}`.trim();
		const categoryRaw = (c['类别'] ?? '').trim();
		const category = categoryRaw ? CATEGORY_BY_LABEL.get(categoryRaw) : 'other';
		if (!category) {
			bad.push({
				line: row.line,
				summary,
				reason: `类别「${categoryRaw}」无效，应为 ${Object.values(CATEGORY_LABEL).join('、')} 之一`
			});
			continue;
		}
		const parsed = merchantSchema.safeParse({
			name: c['商户名称'] ?? '',
			uscc: c['统一社会信用代码'] ?? '',
			streetId,
			address: c['经营地址'] ?? '',
			category,
			tradingStatus: 'open',
			contactName: c['联系人'] ?? '',
			contactPhone: c['联系电话'] ?? '',
			lat: c['纬度'] ?? '',
			lng: c['经度'] ?? ''
		});
		if (!parsed.success) {
			bad.push({ line: row.line, summary, reason: parsed.error.issues[0].message });
			continue;
		}
		const v = parsed.data;
		if (seen.has(v.uscc)) {
			bad.push({
				line: row.line,
				summary,
				reason: `统一社会信用代码与第 ${seen.get(v.uscc)} 行重复`
			});
			continue;
		}
		seen.set(v.uscc, row.line);
		const other = existing.get(v.uscc);
		if (other && other.streetId !== streetId) {
			bad.push({
				line: row.line,
				summary,
				reason: '该代码已登记为其他街区的商户，请先在该商户页面调整街区'
			});
			continue;
		}
		good.push({ line: row.line, value: v });
	}
	return { good, bad, total: sheet.rows.length };
}

/** Writes checked rows in one transaction: new merchants are added, existing ones updated. */
export function commitImport(
	actor: Actor,
	streetId: number,
	rows: MerchantInput[],
	now = new Date()
) {
	const townId = townOfStreet(streetId);
	return db.transaction((tx) => {
		let added = 0;
		let updated = 0;
		let unchanged = 0;
		for (const v of rows) {
			const before = tx.select().from(merchant).where(eq(merchant.uscc, v.uscc)).get();
			if (before && before.streetId !== streetId)
				throw new MerchantError(`代码 ${v.uscc} 已属于其他街区，导入已取消，请重新上传文件`);
			if (!before) {
				const created = tx
					.insert(merchant)
					.values({ ...v, streetId, townId, createdAt: now, updatedAt: now })
					.returning()
					.get();
				audit.record(tx, actor, {
					action: 'merchant.import',
					entityType: 'merchant',
					entityId: created.id,
					townId,
					after: created
				});
				added++;
				continue;
			}
			const patch = {
				name: v.name,
				address: v.address,
				category: v.category,
				contactName: v.contactName,
				contactPhone: v.contactPhone,
				lat: v.lat ?? before.lat,
				lng: v.lng ?? before.lng
			};
			const same = (Object.keys(patch) as (keyof typeof patch)[]).every(
				(k) => patch[k] === before[k]
			);
			if (same) {
				unchanged++;
				continue;
			}
			const after = tx
				.update(merchant)
				.set({ ...patch, updatedAt: now })
				.where(eq(merchant.id, before.id))
				.returning()
				.get();
			audit.record(tx, actor, {
				action: 'merchant.import',
				entityType: 'merchant',
				entityId: before.id,
				townId,
				before,
				after
			});
			updated++;
		}
		return { added, updated, unchanged };
	});
}

/** The street-merchant import, for the web flow and the CLI: one kind per street. */
export const importSpec: import('../files/imports').Spec<
	{ actor: Actor; street: { id: number; name: string } },
	MerchantInput
> = {
	kind: (c) => `street-merchants:${c.street.id}`,
	columns: [...IMPORT_COLUMNS, ...IMPORT_OPTIONAL],
	required: IMPORT_COLUMNS,
	example: {
		商户名称: '云间酱园',
		统一社会信用代码: '92310117MA1K000010',
		经营地址: '中山中路 100 号',
		类别: '食品',
		联系人: '张经理',
		联系电话: '13900000000',
		纬度: '31.0117',
		经度: '121.2290'
	},
	template: (c) => `${c.street.name}商户导入模板`,
	unit: '家',
	noun: '商户',
	check: (sheet, c) => checkImport(sheet, c.street.id),
	commit(c, rows) {
		const r = commitImport(c.actor, c.street.id, rows);
		return { created: r.added, updated: r.updated, unchanged: r.unchanged };
	},
	sample: (v) => ({
		商户名称: v.name,
		统一社会信用代码: v.uscc,
		经营地址: v.address,
		类别: CATEGORY_LABEL[v.category]
	})
};

type PublicRow = Pick<
	Merchant,
	'id' | 'name' | 'category' | 'address' | 'level' | 'lat' | 'lng' | 'tradingStatus'
> & {
	streetId: number;
	streetName: string;
	townSlug: string;
	townName: string;
	badgeState: Badge['state'] | null;
	validUntil: Badge['validUntil'] | null;
};

/** A merchant as open data shows it, the one shape of every public list (and its GeoJSON). */
export function publicItem(r: PublicRow) {
	return {
		id: r.id,
		name: r.name,
		category: r.category,
		address: r.address,
		level: r.level,
		badgeState: r.badgeState ?? null,
		validUntil: r.validUntil ?? null,
		tradingStatus: r.tradingStatus,
		street: { id: r.streetId, name: r.streetName },
		town: { slug: r.townSlug, name: r.townName },
		location: r.lat != null && r.lng != null ? { lat: r.lat, lng: r.lng } : null
	};
}

/** Open data and public pages: no USCC-holder contacts, no internal fields. */
export function publicList(f: MerchantFilter) {
	const where = conditions(null, f);
	const pageSize = Math.min(f.pageSize ?? 50, 200);
	const page = Math.max(1, f.page ?? 1);
	const rows = db
		.select({
			id: merchant.id,
			name: merchant.name,
			category: merchant.category,
			address: merchant.address,
			level: merchant.level,
			lat: merchant.lat,
			lng: merchant.lng,
			tradingStatus: merchant.tradingStatus,
			streetId: street.id,
			streetName: street.name,
			townSlug: town.slug,
			townName: town.name,
			badgeState: badge.state,
			validUntil: badge.validUntil
		})
		.from(merchant)
		.innerJoin(street, eq(street.id, merchant.streetId))
		.innerJoin(town, eq(town.id, merchant.townId))
		.leftJoin(badge, eq(badge.id, merchant.currentBadgeId))
		.where(where)
		.orderBy(asc(merchant.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.all();
	const total = db.select({ n: count() }).from(merchant).where(where).get()?.n ?? 0;
	return {
		items: rows.map(publicItem),
		page,
		pageSize,
		total
	};
}

/** Recent badges of a merchant, newest first (the current one and those it replaced). */
export function badges(merchantId: number) {
	return db
		.select()
		.from(badge)
		.where(eq(badge.merchantId, merchantId))
		.orderBy(desc(badge.grantedAt), desc(badge.id))
		.all();
}

export function photoUrl(m: Pick<Merchant, 'photoKey'>, small = false) {
	return imageUrl(m.photoKey, small);
}
