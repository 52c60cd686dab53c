import { redirect } from '@sveltejs/kit';
import { can, loadFor, requireUser } from '$lib/server/access';
import type { SessionUser } from '$lib/server/auth/session';
import {
	supervision,
	instruments,
	inspections,
	merchants,
	readInstrumentRow
} from '$lib/server/streets';
import * as badges from '$lib/server/badges';
import * as forms from '$lib/server/forms';
import { uploads } from '$lib/server/files';
import { instrumentSchema, supervisionSchema } from '$lib/schemas/streets';
import type { Actions, PageServerLoad } from './$types';

/** The merchant, for the user to take the action on under the policy (404 / 403 otherwise). */
function merchantFor<K extends 'merchant' | 'inspection' | 'instrument'>(
	u: SessionUser,
	id: string,
	action: import('$lib/server/access').ActionOf<K>,
	kind: K
) {
	return loadFor(
		u,
		action,
		kind,
		merchants.detail(Number(id)),
		(d) => d.merchant.townId,
		'商户不存在'
	);
}

export const load: PageServerLoad = (event) => {
	const u = requireUser(event);
	const d = merchantFor(u, event.params.id, 'view', 'merchant');
	const id = d.merchant.id;
	const mine = { townId: d.merchant.townId };
	return {
		merchant: d.merchant,
		street: { id: d.street.id, name: d.street.name },
		townName: d.townName,
		badge: d.badge,
		badges: merchants.badges(id),
		photoUrl: uploads.imageUrl(d.merchant.photoKey),
		archive: supervision.archive(id, u.role === 'inspector' ? 'public' : 'staff'),
		instruments: instruments.forMerchant(id),
		inspections: inspections.list(null, { merchantId: id, limit: 20 }),
		points: supervision.pointAmounts(),
		scans30: badges.scanCounts(id, 30).reduce((n, s) => n + s.scans, 0),
		canEdit: can(u, 'update', 'merchant', mine),
		canSupervise: can(u, 'supervise', 'merchant', mine),
		canInspect: can(u, 'create', 'inspection', mine),
		canBadge: can(u, 'view', 'badge', mine),
		canInstruments: can(u, 'update', 'instrument', mine)
	};
};

export const actions: Actions = {
	inspect: async (event) => {
		const u = requireUser(event);
		const d = merchantFor(u, event.params.id, 'create', 'inspection');
		const values = { intent: 'inspect' };
		const id = await forms.attempt(
			values,
			() => inspections.start(u, { merchantId: d.merchant.id }).id
		);
		if (typeof id !== 'number') return id;
		redirect(303, `/staff/inspections/${id}`);
	},
	supervise: async (event) => {
		// Point changes (and revocations) are the towns' and the district's; inspectors score.
		const u = requireUser(event);
		const d = merchantFor(u, event.params.id, 'supervise', 'merchant');
		const r = await forms.read(event.request, supervisionSchema);
		if (!r.ok) return r.failure;
		const done = await forms.attempt(r.values, () => {
			const rec = supervision.record(u, d.merchant.id, r.data);
			return rec.badgeChange
				? `已记录。牌匾状态变更：${rec.badgeChange.reason}`
				: `已记录，当前动态分 ${rec.merchant.score ?? '—'}`;
		});
		if (typeof done !== 'string') return done;
		return { done };
	},
	addInstrument: async (event) => {
		// Instruments change the merchant's public metrology status: the towns' and the district's.
		const u = requireUser(event);
		const d = merchantFor(u, event.params.id, 'create', 'instrument');
		const r = await forms.read(event.request, instrumentSchema);
		if (!r.ok) return r.failure;
		const failed = await forms.attempt(r.values, () => {
			instruments.create(u, d.merchant.id, r.data);
		});
		return failed ?? { done: '已添加计量器具' };
	},
	updateInstrument: async (event) => {
		const u = requireUser(event);
		const d = merchantFor(u, event.params.id, 'update', 'instrument');
		const r = await readInstrumentRow(event.request, { merchantId: d.merchant.id });
		if (!r.ok) return r.failure;
		const failed = await forms.attempt(r.values, () => {
			instruments.update(u, r.id, r.data);
		});
		return failed ?? { done: '已更新计量器具' };
	}
};
