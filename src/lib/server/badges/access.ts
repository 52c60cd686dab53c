/** Staff access to one badge by its serial: signed in, staff role, the badge's town. */
import { error, type RequestEvent } from '@sveltejs/kit';
import * as badges from './badges';
import { requireRole, requireTown } from '../access';

export function requireBadge(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const u = requireRole(event, 'district_admin', 'town_officer', 'inspector');
	const b = badges.bySerial(String(event.params.serial ?? ''));
	if (!b) error(404, '牌匾不存在');
	requireTown(u, badges.townOf(b));
	return { user: u, badge: b };
}
