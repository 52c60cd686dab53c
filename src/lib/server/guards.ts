/** Loading a street or merchant for a page: 404 when missing, 403 outside the user's towns. */
import { error } from '@sveltejs/kit';
import { requireTown } from './access';
import * as streets from './streets';
import { merchants } from './streets';
import type { SessionUser } from './auth/session';

export function streetFor(u: SessionUser, id: number) {
	const s = streets.byId(id);
	if (!s) error(404, '示范街不存在');
	requireTown(u, s.townId);
	return s;
}

export function merchantFor(u: SessionUser, id: number) {
	const m = merchants.detail(id);
	if (!m) error(404, '商户不存在');
	requireTown(u, m.merchant.townId);
	return m;
}
