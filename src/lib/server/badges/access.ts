/** Staff access to one badge's QR files by its serial: whoever may print the badge's plaque. */
import type { RequestEvent } from '@sveltejs/kit';
import * as badges from './badges';
import { loadFor, requireUser } from '../access';

export function requireBadge(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const u = requireUser(event);
	const b = loadFor(
		u,
		'print',
		'badge',
		badges.bySerial(String(event.params.serial ?? '')),
		badges.townOf,
		'牌匾不存在'
	);
	return { user: u, badge: b };
}
