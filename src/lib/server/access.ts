/**
 * Who may do what. Every load, action and endpoint calls these on the server; layouts only add a
 * second line of defence.
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from './db/schema';
import type { SessionUser } from './auth/session';

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

export function canAccessTown(u: SessionUser, townId: number | null | undefined): boolean {
	if (u.role === 'district_admin') return true;
	return townId != null && u.townIds.includes(townId);
}

export function requireTown(u: SessionUser, townId: number | null | undefined) {
	if (!canAccessTown(u, townId)) error(403, '您只能查看和修改本街镇的记录');
}
