import { redirect } from '@sveltejs/kit';
import { loadInScope, requireRole, visibleTowns } from '$lib/server/access';
import * as forms from '$lib/server/forms';
import * as metrology from '$lib/server/metrology';
import { instruments, readInstrumentRow } from '$lib/server/streets';
import { mapConfig } from '$lib/server/public';
import { instrumentSchema } from '$lib/schemas/streets';
import {
	attachSchema,
	revokeSchema,
	scaleCheckSchema,
	scaleRefSchema,
	scaleSchema,
	unitSchema
} from '$lib/schemas/metrology';
import type { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const OFFICE = ['district_admin', 'town_officer'] as const;

function unitFor(
	event: RequestEvent | Parameters<PageServerLoad>[0],
	roles: readonly ('district_admin' | 'town_officer' | 'inspector')[] = OFFICE
) {
	const u = requireRole(event, ...roles);
	const unit = loadInScope(
		u,
		metrology.byId(Number(event.params.id)),
		(r) => r.townId,
		'示范单位不存在'
	);
	return { u, unit };
}

export const load: PageServerLoad = (event) => {
	const { u, unit } = unitFor(event, ['district_admin', 'town_officer', 'inspector']);
	const d = metrology.detail(unit.id)!;
	return {
		...d,
		values: metrology.valuesOf(unit),
		towns: visibleTowns(u).map((t) => ({ id: t.id, name: t.name })),
		tiles: mapConfig.tileConfig(),
		canEdit: u.role !== 'inspector',
		canInspect: u.role !== 'town_officer',
		saved: event.url.searchParams.has('saved')
	};
};

/** One small form of the page: parse, run, answer `{ done }` or the form's failure. */
function step<S extends z.ZodType>(
	schema: S,
	run: (u: ReturnType<typeof unitFor>['u'], unitId: number, data: z.output<S>) => unknown,
	done: string
) {
	return async (event: RequestEvent) => {
		const { u, unit } = unitFor(event);
		const read = await forms.read(event.request, schema);
		if (!read.ok) return read.failure;
		// what the domain call gives back (the saved row) stays on the server: the page gets the message
		const failed = await forms.attempt(read.values, () => {
			run(u, unit.id, read.data);
		});
		return failed ?? { done };
	};
}

export const actions: Actions = {
	update: step(unitSchema, (u, id, data) => metrology.update(u, id, data), '已保存'),
	addInstrument: step(
		instrumentSchema,
		(u, id, data) => instruments.create(u, { unitId: id }, data),
		'已添加计量器具'
	),
	updateInstrument: async (event) => {
		const { u, unit } = unitFor(event);
		const r = await readInstrumentRow(event.request, { unitId: unit.id });
		if (!r.ok) return r.failure;
		const failed = await forms.attempt(r.values, () => {
			instruments.update(u, r.id, r.data);
		});
		return failed ?? { done: '已更新计量器具' };
	},
	addScale: step(scaleSchema, (u, id, data) => metrology.addScale(u, id, data), '已添加公平秤'),
	checkScale: step(
		scaleCheckSchema,
		(u, id, data) => metrology.checkScale(u, id, data),
		'已记录公平秤核查'
	),
	retireScale: step(
		scaleRefSchema,
		(u, id, data) => metrology.retireScale(u, id, data.scaleId),
		'公平秤已停用'
	),
	attach: step(
		attachSchema,
		(u, id, data) => metrology.attachMerchant(u, id, data.merchantUscc),
		'商户已归入本单位'
	),
	revoke: step(revokeSchema, (u, id, data) => metrology.revoke(u, id, data.reason), '已撤销命名'),
	detach: async (event) => {
		const { u, unit } = unitFor(event);
		const form = await event.request.formData();
		const failed = await forms.attempt({}, () =>
			metrology.detachMerchant(u, unit.id, Number(form.get('merchantId')))
		);
		return failed ?? { done: '商户已移出本单位' };
	},
	inspect: async (event) => {
		const { u, unit } = unitFor(event, ['district_admin', 'inspector']);
		let id = 0;
		const failed = await forms.attempt({}, () => {
			id = metrology.startInspection(u, unit.id).id;
		});
		if (failed) return failed;
		redirect(303, `/staff/inspections/${id}`);
	}
};
