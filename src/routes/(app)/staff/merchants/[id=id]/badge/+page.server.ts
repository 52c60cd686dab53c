import { error, fail, redirect } from '@sveltejs/kit';
import * as badges from '$lib/server/badges';
import * as feedback from '$lib/server/feedback';
import { supervision } from '$lib/server/streets';
import { requireRole, requireTown } from '$lib/server/access';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function merchantFor(event: RequestEvent, ...roles: Parameters<typeof requireRole>[1][]) {
	const u = requireRole(event, ...roles);
	const m = badges.merchantCard(Number(event.params.id));
	if (!m) error(404, '商户不存在');
	requireTown(u, m.m.townId);
	return { u, m };
}

export const load: PageServerLoad = (event) => {
	const { u, m } = merchantFor(event, 'district_admin', 'town_officer', 'inspector');
	const code = m.b ? badges.codeOf(m.b.id) : undefined;
	return {
		merchant: { id: m.m.id, name: m.m.name, address: m.m.address, score: m.m.score },
		streetName: m.streetName,
		townName: m.townName,
		badge: m.b && {
			id: m.b.id,
			serial: m.b.serial,
			level: m.b.level,
			state: badges.stateToday(m.b),
			validUntil: m.b.validUntil,
			stateReason: m.b.stateReason
		},
		code: code && {
			url: code.url,
			generation: code.generation,
			version: code.qrVersion,
			issuedAt: code.issuedAt
		},
		scans: badges.scanCounts(m.m.id, 30),
		totals: badges.scanTotals(m.m.id),
		feedback:
			u.role === 'inspector'
				? null
				: feedback.queue(null, { status: 'all', merchantId: m.m.id, pageSize: 20 }).items,
		canManage: u.role !== 'inspector'
	};
};

export const actions: Actions = {
	reissue: async (event) => {
		const { u, m } = merchantFor(event, 'district_admin', 'town_officer');
		if (!m.b) return fail(400, { message: '该商户没有牌匾' });
		try {
			await badges.reissue(u, m.b.id);
		} catch (e) {
			if (e instanceof badges.BadgeError) return fail(400, { message: e.message });
			throw e;
		}
		redirect(303, `/staff/merchants/${m.m.id}/badge?done=reissued`);
	},
	revoke: async (event) => {
		const { u, m } = merchantFor(event, 'district_admin', 'town_officer');
		const form = await event.request.formData();
		const reason = String(form.get('reason') ?? '').trim();
		if (reason.length < 4)
			return fail(400, {
				values: { reason },
				errors: { reason: '请写明撤销的事由（至少 4 个字），会公开显示' }
			});
		if (reason.length > 300)
			return fail(400, { values: { reason }, errors: { reason: '事由不能超过 300 个字' } });
		if (!m.b || m.b.state === 'revoked') return fail(400, { message: '该商户没有可撤销的牌匾' });
		supervision.record(u, m.m.id, { kind: 'veto', title: '撤销牌匾（摘牌）', publicNote: reason });
		redirect(303, `/staff/merchants/${m.m.id}/badge?done=revoked`);
	}
};
