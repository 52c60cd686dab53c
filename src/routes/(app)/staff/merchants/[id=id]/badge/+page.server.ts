import { redirect } from '@sveltejs/kit';
import * as badges from '$lib/server/badges';
import * as feedback from '$lib/server/feedback';
import * as forms from '$lib/server/forms';
import { badgeState, supervision } from '$lib/server/streets';
import { can, loadFor, requireUser, type ActionOf } from '$lib/server/access';
import { revokeSchema } from '$lib/schemas/streets';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function merchantFor(event: RequestEvent, action: ActionOf<'badge'>) {
	const u = requireUser(event);
	const m = loadFor(
		u,
		action,
		'badge',
		badges.merchantCard(Number(event.params.id)),
		(c) => c.m.townId,
		'商户不存在'
	);
	return { u, m };
}

export const load: PageServerLoad = (event) => {
	const { u, m } = merchantFor(event, 'view');
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
		feedback: can(u, 'view', 'feedback', { townId: m.m.townId })
			? feedback.queue(null, { status: 'all', merchantId: m.m.id, pageSize: 20 }).items
			: null,
		canManage: can(u, 'reissue', 'badge', { townId: m.m.townId })
	};
};

export const actions: Actions = {
	reissue: async (event) => {
		const { u, m } = merchantFor(event, 'reissue');
		const b = m.b;
		if (!b) return forms.invalid<forms.Values>({}, { _: '该商户没有牌匾' });
		const failed = await forms.attempt({}, async () => {
			await badges.reissue(u, b.id);
		});
		if (failed) return failed;
		redirect(303, `/staff/merchants/${m.m.id}/badge?done=reissued`);
	},
	revoke: async (event) => {
		const { u, m } = merchantFor(event, 'revoke');
		const r = await forms.read(event.request, revokeSchema);
		if (!r.ok) return r.failure;
		const refusal = badgeState.revokeRefusal(m.b);
		if (refusal) return forms.invalid(r.values, { _: refusal });
		supervision.record(u, m.m.id, {
			kind: 'veto',
			title: '撤销牌匾（摘牌）',
			publicNote: r.data.reason
		});
		redirect(303, `/staff/merchants/${m.m.id}/badge?done=revoked`);
	}
};
