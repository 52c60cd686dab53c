/**
 * Who may do what. Every load, action and endpoint calls these on the server; layouts only add a
 * second line of defence. The rules themselves are the table in `./policy`.
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Role, Town } from '../db/schema';
import type { SessionUser } from '../auth/session';
import * as towns from '../towns';
import { can, type ActionOf, type Kind, type Owner } from './policy';

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const u = event.locals.user;
	if (!u) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	return u;
}

export function requireRole(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	...roles: Role[]
): SessionUser {
	const u = requireUser(event);
	if (!roles.includes(u.role)) error(403, '您的账号没有权限访问此页面');
	return u;
}

export function requireAdmin(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	return requireRole(event, 'district_admin');
}

/** Town ids the user may see and change, or null for every town (district admins). */
export function townScope(u: SessionUser): number[] | null {
	return u.role === 'district_admin' ? null : u.townIds;
}

/** Whether the user's scope holds the town (district admins: every town). */
export function inScope(u: SessionUser, townId: number | null | undefined): boolean {
	if (u.role === 'district_admin') return true;
	return townId != null && u.townIds.includes(townId);
}

/** @deprecated the same as `inScope` */
export const canAccessTown = inScope;

export function requireTown(u: SessionUser, townId: number | null | undefined) {
	if (!inScope(u, townId)) error(403, '您只能查看和修改本街镇的记录');
}

/** The active towns the user may see, in the district's order: for pickers and filters. */
export function visibleTowns(u: SessionUser): Town[] {
	return towns.list().filter((t) => inScope(u, t.id));
}

/**
 * A WHERE condition keeping rows of the user's towns (none for district admins); a user with no
 * town sees nothing. `scope` is `townScope(user)` when there is no user object at hand.
 */
export function townIn(
	column: SQLiteColumn,
	scope: SessionUser | number[] | null
): SQL | undefined {
	const ids = scope && !Array.isArray(scope) ? townScope(scope) : scope;
	if (!ids) return undefined;
	return ids.length ? inArray(column, ids) : sql`0`;
}

/**
 * A record for a page or action: 404 when missing, 403 outside the user's towns. `townOf` says
 * which town the record belongs to now.
 */
export function loadInScope<T>(
	u: SessionUser,
	record: T | undefined | null,
	townOf: (r: T) => number | null | undefined,
	missing = '记录不存在'
): T {
	if (record == null) error(404, missing);
	requireTown(u, townOf(record));
	return record;
}

export { can, relationOf, type Action, type ActionOf, type Kind } from './policy';

/**
 * The signed-in user, when the policy lets their role take the action on some record of the kind;
 * else 403. For list pages and forms; a single record is checked with `loadFor`.
 */
export function requireCan<K extends Kind>(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	action: ActionOf<K>,
	kind: K
): SessionUser {
	const u = requireUser(event);
	if (!can(u, action, kind)) error(403, '您的账号没有权限访问此页面');
	return u;
}

/**
 * A record for a page or action, checked against the policy: 404 when missing, 403 when the user
 * may not take the action on it. `townOf` says which town (or fuller owner: a department's record)
 * the record answers to now.
 */
export function loadFor<K extends Kind, T>(
	u: SessionUser,
	action: ActionOf<K>,
	kind: K,
	record: T | undefined | null,
	townOf: (r: T) => number | null | undefined | Owner,
	missing = '记录不存在'
): T {
	if (record == null) error(404, missing);
	const o = townOf(record);
	if (!can(u, action, kind, o != null && typeof o === 'object' ? o : { townId: o }))
		error(
			403,
			can(u, action, kind) ? '您只能查看和修改本街镇的记录' : '您的账号没有权限进行此操作'
		);
	return record;
}
