import { error, redirect } from '@sveltejs/kit';
import { can, loadFor, requireUser } from '$lib/server/access';
import * as towns from '$lib/server/towns';
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

/** The unit, for the user to take the action on under the policy (404 / 403 otherwise). */
function unitFor(
	event: RequestEvent | Parameters<PageServerLoad>[0],
	action: 'view' | 'update' = 'update'
) {
	const u = requireUser(event);
	const unit = loadFor(
		u,
		action,
		'metrology_unit',
		metrology.byId(Number(event.params.id)),
		metrology.ownerOf,
		'示范单位不存在'
	);
	return { u, unit };
}

export const load: PageServerLoad = (event) => {
	const { u, unit } = unitFor(event, 'view');
	const owner = metrology.ownerOf(unit);
	const d = metrology.detail(unit.id)!;
	return {
		...d,
		values: metrology.valuesOf(unit),
		towns: towns
			.list()
			.filter((t) => can(u, 'update', 'metrology_unit', metrology.ownerOf({ townId: t.id })))
			.map((t) => ({ id: t.id, name: t.name })),
		tiles: mapConfig.tileConfig(),
		canEdit: can(u, 'update', 'metrology_unit', owner),
		canInspect: can(u, 'create', 'inspection', { townId: unit.townId }),
		// links to the unit's inspections and merchants, for those who may open them
		canOpenRecords: can(u, 'view', 'inspection', { townId: unit.townId }),
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
	update: async (event) => {
		const { u, unit } = unitFor(event);
		const read = await forms.read(event.request, unitSchema);
		if (!read.ok) return read.failure;
		// moving the unit to a town the user does not keep is refused, as for streets
		if (!can(u, 'update', 'metrology_unit', metrology.ownerOf(read.data)))
			return forms.invalid(read.values, { townId: '只能选择本街镇' }, 403);
		const failed = await forms.attempt(read.values, () => {
			metrology.update(u, unit.id, read.data);
		});
		return failed ?? { done: '已保存' };
	},
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
		const { u, unit } = unitFor(event, 'view');
		if (!can(u, 'create', 'inspection', { townId: unit.townId }))
			error(403, '您的账号没有权限进行此操作');
		let id = 0;
		const failed = await forms.attempt({}, () => {
			id = metrology.startInspection(u, unit.id).id;
		});
		if (failed) return failed;
		redirect(303, `/staff/inspections/${id}`);
	}
};
