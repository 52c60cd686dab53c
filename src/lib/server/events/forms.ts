/**
 * What the event pages share on the server: their list parameters (read by `query`, `town` a slug,
 * the viewer's town scope enforced), the calendar's month and the summary's period, and the event
 * form with its photos (read by `forms`, failing with `{ values, errors }`).
 */
import { error } from '@sveltejs/kit';
import { can, requireTown, townScope, visibleTowns } from '../access';
import * as towns from '../towns';
import * as departments from '../plan/departments';
import type { SessionUser } from '../auth/session';
import * as forms from '../forms';
import * as query from '../query';
import * as events from './events';
import * as extras from './extras';
import { db } from '../db';
import { storeImage, UploadError } from '../files/uploads';
import { eventFormSchema } from '../../schemas/events';
import { tileConfig } from '../public/map-config';
import { todayISO } from '../../format';

/** `from`/`to` as calendar dates; `to` before `from` is a 400 naming it. */
export const PERIOD = { from: query.date, to: query.date };

/** A period's bounds in order, or a 400 for `to`. */
export function checkPeriod<P extends { from?: string; to?: string }>(p: P): P {
	if (p.from && p.to && p.to < p.from) query.bad('to', `不能早于 from（${p.from}）`);
	return p;
}

/** A theme by its name, as open data names it (`?theme=诚信进校园`). */
export const themeNamed: query.Param<number> = (raw, name) =>
	events.themeByName(raw)?.id ??
	query.bad(
		name,
		`未知的活动主题「${raw.slice(0, 30)}」，可用：${events
			.options('theme')
			.map((o) => o.name)
			.join('、')}`
	);

/** A month, YYYY-MM. */
export const yearMonth: query.Param<string> = (raw, name) => {
	if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(raw)) query.bad(name, '应为 YYYY-MM 格式的月份，如 2026-05');
	return raw;
};

const LIST = {
	town: query.town,
	theme: query.id,
	form: query.id,
	department: query.id,
	...PERIOD
};

/** The roles that log and manage events: district admins, and the officers of towns and departments. */
export const EVENT_ROLES = ['district_admin', 'town_officer', 'department_officer'] as const;

/**
 * Which events a viewer's lists hold: a town officer those held in their towns, a department
 * officer their department's own, a district admin all.
 */
export function viewer(u: SessionUser): Pick<events.EventFilter, 'scope' | 'departmentId'> {
	if (u.role === 'department_officer') return { scope: null, departmentId: u.departmentId ?? -1 };
	return { scope: townScope(u) };
}

/**
 * An event for a staff page or action: 404 when missing, 403 when the viewer may not see it, or —
 * with `write` — may not change it (a town officer looking at a department's event held in the
 * town may read it, never change it).
 */
export function eventFor(u: SessionUser, id: number, write = false) {
	const e = events.get(id);
	if (!e) error(404, '活动不存在');
	if (!events.canSee(u, e))
		error(
			403,
			u.role === 'department_officer' ? '您只能查看本部门的活动' : '您只能查看和修改本街镇的记录'
		);
	if (write && !events.canWrite(u, e)) error(403, '区级部门的活动只能由该部门修改');
	return e;
}

/**
 * The staff list's parameters in a URL: paging, `q`, and the filters with the viewer's scope; a
 * town officer asking for another town gets a 403. `values` fill the filter form again.
 */
export function readFilter(url: URL, u: SessionUser) {
	const q = query.list(url, LIST, { pageSize: 20 });
	const { town, theme, form, department, from, to } = checkPeriod(q.filters);
	if (town && u.role !== 'department_officer') requireTown(u, town.id);
	const own = viewer(u);
	if (department && own.departmentId && department !== own.departmentId)
		error(403, '您只能查看本部门的活动');
	const filter: events.EventFilter = {
		...own,
		departmentId: department ?? own.departmentId,
		townId: town?.id,
		themeId: theme,
		formId: form,
		from,
		to,
		q: q.q,
		page: q.page,
		pageSize: q.pageSize
	};
	const values = {
		town: town?.slug ?? '',
		theme: theme ? String(theme) : '',
		form: form ? String(form) : '',
		from: from ?? '',
		to: to ?? '',
		q: q.q ?? ''
	};
	return { filter, values };
}

/** The calendar's month, this month by default. */
export function readMonth(url: URL) {
	return query.params(url, { month: yearMonth }).month ?? todayISO().slice(0, 7);
}

/** The summary's period, this calendar year by default. */
export function readPeriod(url: URL) {
	const year = todayISO().slice(0, 4);
	const p = checkPeriod(query.params(url, PERIOD));
	return { from: p.from ?? `${year}-01-01`, to: p.to ?? `${year}-12-31` };
}

/**
 * The towns (value: slug in filters, id in the event form), themes and forms the viewer may pick;
 * the departments an event may belong to (a department officer: only their own), and whether the
 * town may stay empty (a department's district-wide or online event).
 */
export function choices(u: SessionUser) {
	const ownDepartment = u.role === 'department_officer';
	return {
		towns: (ownDepartment ? towns.list() : visibleTowns(u)).map((t) => ({
			id: t.id,
			slug: t.slug,
			name: t.name
		})),
		departments: departments
			.list()
			.filter((d) => (ownDepartment ? d.id === u.departmentId : u.role === 'district_admin'))
			.map((d) => ({ id: d.id, name: d.name })),
		townOptional: ownDepartment || u.role === 'district_admin',
		themes: events.options('theme').map((o) => ({ id: o.id, name: o.name })),
		forms: events.options('form').map((o) => ({ id: o.id, name: o.name })),
		tiles: tileConfig()
	};
}

/** Defaults for a new event: the officer's own town, today, public. */
export function newValues(u: SessionUser): forms.Values {
	const scope = townScope(u);
	return {
		townId: scope?.length === 1 && u.role === 'town_officer' ? String(scope[0]) : '',
		departmentId: u.role === 'department_officer' ? String(u.departmentId ?? '') : '',
		startDate: todayISO(),
		isPublic: 'on'
	};
}

/**
 * Saves the event form as a new event, or over event `id`. The fields are checked before the
 * photos are stored, so nothing is stored for a rejected form; a rejected form keeps every typed
 * value, and says that photos must be chosen again.
 */
export async function saveEvent(
	request: Request,
	u: SessionUser,
	id?: number
): Promise<{ ok: true; id: number } | { ok: false; failure: forms.FormFailure }> {
	const read = await forms.read(request, eventFormSchema, {
		lists: ['removePhoto', ...extras.REACH_LISTS]
	});
	const reach = extras.read(read.form);
	const files = read.form
		.getAll('photos')
		.filter((f): f is File => f instanceof File && f.size > 0);
	const fail = (errors: forms.FormErrors, status = 400) => ({
		ok: false as const,
		failure: forms.invalid(read.values, errors, status)
	});
	if (!read.ok || !reach.ok) {
		const errors = {
			...(reach.ok ? {} : reach.failure.data.errors),
			...(read.ok ? {} : read.failure.data.errors)
		};
		if (files.length) errors.photos = '请改正上面的问题后再提交（照片需要重新选择）';
		return { ok: false, failure: forms.invalid(read.values, errors) };
	}
	const { input, removePhoto } = read.data;
	// the owner posted (a town, or a department) must be one the user may log events for
	if (!can(u, 'create', 'event', input)) {
		if (u.role === 'department_officer')
			return fail({ departmentId: '您只能登记本部门的活动' }, 403);
		if (input.departmentId != null)
			return fail({ departmentId: '只有区级部门可以登记部门活动' }, 403);
		requireTown(u, input.townId);
	}
	if (files.length > events.MAX_PHOTOS)
		return fail({ photos: `一次最多上传 ${events.MAX_PHOTOS} 张照片，请重新选择` });
	const photos: string[] = [];
	for (const f of files) {
		try {
			photos.push(await storeImage(f));
		} catch (e) {
			if (e instanceof UploadError) return fail({ photos: `「${f.name}」：${e.message}` });
			throw e;
		}
	}
	let saved = id ?? 0;
	const failed = await forms.attempt(read.values, () =>
		db.transaction(() => {
			if (id) events.update(u, id, input, { add: photos, remove: removePhoto });
			else saved = events.create(u, input, photos).id;
			extras.save(u, saved, reach.data);
		})
	);
	return failed ? { ok: false, failure: failed } : { ok: true, id: saved };
}

/** The form values of a stored event, for the edit page. */
export function valuesOf(e: NonNullable<ReturnType<typeof events.get>>): forms.Values {
	return {
		...extras.valuesOf(e.id),
		title: e.title,
		townId: e.townId == null ? '' : String(e.townId),
		departmentId: e.departmentId == null ? '' : String(e.departmentId),
		themeId: String(e.themeId),
		formId: String(e.formId),
		venue: e.venue,
		locationLat: e.lat == null ? '' : String(e.lat),
		locationLng: e.lng == null ? '' : String(e.lng),
		startDate: e.startDate,
		startTime: e.startTime ?? '',
		endDate: e.endDate,
		endTime: e.endTime ?? '',
		organisers: e.organisers,
		participants: String(e.participants),
		materials: e.materials,
		summary: e.summary,
		isPublic: e.isPublic ? 'on' : ''
	};
}
