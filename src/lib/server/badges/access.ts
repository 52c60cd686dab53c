/** Staff access to one badge by its serial: signed in, staff role, the badge's town. */
import type { RequestEvent } from '@sveltejs/kit';
import * as badges from './badges';
import { loadInScope, requireRole } from '../access';

export function requireBadge(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const u = requireRole(event, 'district_admin', 'town_officer', 'inspector');
	const b = loadInScope(
		u,
		badges.bySerial(String(event.params.serial ?? '')),
		badges.townOf,
		'牌匾不存在'
	);
	return { user: u, badge: b };
}
