import { error, redirect } from '@sveltejs/kit';
import { can, requireRole } from '$lib/server/access';
import * as plan from '$lib/server/plan';
import * as forms from '$lib/server/forms';
import { uploads } from '$lib/server/files';
import { reportSchema, returnSchema } from '$lib/schemas/plan';
import { dueDate, gridState, periodLabel, REPORT_STATUS_LABEL } from '$lib/plan';
import { todayISO } from '$lib/format';
import type { SessionUser } from '$lib/server/auth/session';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

type Ev = Pick<RequestEvent, 'params' | 'url'>;

/**
 * The task, the unit and the period a report page is about: an officer's own unit; a district
 * admin names the unit (`?unit=department-7`). 404 for an unknown task or period, 403 for a unit
 * that is not the officer's or not responsible for the task.
 */
function context(event: Ev, u: SessionUser) {
	const task = plan.tasks.byId(Number(event.params.task));
	if (!task) error(404, '该任务不存在');
	const period = event.params.period;
	if (!/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(period) || !period.startsWith(String(task.year)))
		error(404, '报送期间有误');
	const unit =
		u.role === 'district_admin'
			? plan.units.get(event.url.searchParams.get('unit'))
			: plan.units.ofUser(u);
	if (!unit) error(u.role === 'district_admin' ? 404 : 403, '请指定报送单位');
	if (!task.units.some((x) => x.key === unit.key)) error(403, '该单位不是这项任务的责任单位');
	if (!can(u, 'view', 'plan_report', plan.units.ownerOfUnit(unit)))
		error(403, '您只能报送本单位的工作进展');
	return { task, period, unit };
}

const ROLES = ['district_admin', 'town_officer', 'department_officer'] as const;

export const load: PageServerLoad = (event) => {
	const u = requireRole(event, ...ROLES);
	const { task, period, unit } = context(event, u);
	const r = plan.reports.find(task.id, unit.key, period);
	const s = plan.tasks.settings(task.year);
	const due = dueDate(period, s.dueDay);
	return {
		task: { id: task.id, row: task.row, title: task.title, text: task.text, year: task.year },
		unit: { key: unit.key, name: unit.name },
		period,
		periodLabel: periodLabel(period),
		due,
		state: gridState(r, due, todayISO()),
		report: r
			? {
					id: r.id,
					status: r.status,
					statusLabel: REPORT_STATUS_LABEL[r.status],
					text: r.text,
					figures: r.figures,
					firstSubmittedOn: r.firstSubmittedOn,
					returnComment: r.returnComment,
					attachments: r.attachments.map((a) => ({ id: a.id, name: a.name, kind: a.kind }))
				}
			: null,
		canEdit: u.role !== 'district_admin' && (!r || r.status === 'draft' || r.status === 'returned'),
		canReview: u.role === 'district_admin' && r?.status === 'submitted',
		saved: event.url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const u = requireRole(event, 'town_officer', 'department_officer');
		const { task, period, unit } = context(event, u);
		const read = await forms.read(event.request, reportSchema, { lists: ['removeFile'] });
		if (!read.ok) return read.failure;
		const files = read.form
			.getAll('files')
			.filter((f): f is File => f instanceof File && f.size > 0);
		if (files.length > plan.reports.MAX_ATTACHMENTS)
			return forms.invalid(read.values, {
				files: `一次最多上传 ${plan.reports.MAX_ATTACHMENTS} 个附件`
			});
		const stored: uploads.StoredFile[] = [];
		for (const f of files) {
			try {
				stored.push(await uploads.storeAttachment(f));
			} catch (e) {
				if (e instanceof uploads.UploadError)
					return forms.invalid(read.values, { files: `「${f.name}」：${e.message}` });
				throw e;
			}
		}
		const submit = read.data.intent === 'submit';
		const failed = await forms.attempt(read.values, () => {
			plan.reports.save(
				u,
				{ taskId: task.id, unit, period, text: read.data.text, figures: read.data.figures },
				{ add: stored, remove: read.data.removeFile },
				submit
			);
		});
		if (failed) return failed;
		redirect(303, `${event.url.pathname}?saved=${submit ? 'submitted' : 'draft'}`);
	},
	sendBack: async (event) => {
		const u = requireRole(event, 'district_admin');
		const { task, period, unit } = context(event, u);
		const f = await forms.read(event.request, returnSchema);
		if (!f.ok) return f.failure;
		const r = plan.reports.find(task.id, unit.key, period);
		if (!r) error(404, '该单位还没有报送');
		const failed = await forms.attempt(f.values, () => {
			plan.reports.sendBack(u, r.id, f.data.comment);
		});
		if (failed) return failed;
		redirect(303, `${event.url.pathname}?unit=${unit.key}&saved=returned`);
	},
	accept: async (event) => {
		const u = requireRole(event, 'district_admin');
		const { task, period, unit } = context(event, u);
		const r = plan.reports.find(task.id, unit.key, period);
		if (!r) error(404, '该单位还没有报送');
		const failed = await forms.attempt({}, () => {
			plan.reports.accept(u, r.id);
		});
		if (failed) return failed;
		redirect(303, `${event.url.pathname}?unit=${unit.key}&saved=accepted`);
	}
};
