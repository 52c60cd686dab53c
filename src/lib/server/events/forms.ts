/**
 * What the event pages share on the server: reading the list filters from a URL (with the viewer's
 * town scope) and reading the event form with its photos.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { townScope } from '../access';
import type { SessionUser } from '../auth/session';
import * as events from './events';
import * as towns from '../towns';
import { parseDate } from '../files/tabular';
import { storeImage, UploadError } from '../files/uploads';
import { eventSchema, type EventInput } from '../../schemas/events';
import { locationFields } from '../../schemas/location';
import { tileConfig } from '../public/map-config';
import { fieldErrors, formValues } from '../../schemas';
import { todayISO } from '../../format';

function positive(v: string | null) {
	const n = Number(v);
	return v && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The list filters in a URL; a town officer asking for another town gets a 403. */
export function readFilter(url: URL, u: SessionUser) {
	const p = url.searchParams;
	const scope = townScope(u);
	const townId = positive(p.get('town'));
	if (townId && scope && !scope.includes(townId)) error(403, '您只能查看本街镇的活动');
	const filter = {
		scope,
		townId,
		themeId: positive(p.get('theme')),
		formId: positive(p.get('form')),
		from: parseDate(p.get('from')) ?? undefined,
		to: parseDate(p.get('to')) ?? undefined,
		q: p.get('q')?.trim() || undefined,
		page: positive(p.get('page')) ?? 1
	};
	const values = {
		town: p.get('town') ?? '',
		theme: p.get('theme') ?? '',
		form: p.get('form') ?? '',
		from: filter.from ?? '',
		to: filter.to ?? '',
		q: filter.q ?? ''
	};
	return { filter, values };
}

/** The towns, themes and forms the viewer can choose from. */
export function choices(u: SessionUser) {
	const scope = townScope(u);
	return {
		towns: towns
			.list()
			.filter((t) => !scope || scope.includes(t.id))
			.map((t) => ({ id: t.id, name: t.name })),
		themes: events.options('theme').map((o) => ({ id: o.id, name: o.name })),
		forms: events.options('form').map((o) => ({ id: o.id, name: o.name })),
		tiles: tileConfig()
	};
}

/** Defaults for a new event: the officer's own town, today, public. */
export function newValues(u: SessionUser): Record<string, string> {
	const scope = townScope(u);
	return {
		townId: scope?.length === 1 ? String(scope[0]) : '',
		startDate: todayISO(),
		isPublic: 'on'
	};
}

type Read =
	| {
			ok: true;
			input: EventInput;
			photos: string[];
			remove: number[];
			values: Record<string, string>;
	  }
	| { ok: false; values: Record<string, string>; errors: Record<string, string> };

/**
 * Validates the form, then stores its photos (so nothing is stored for a form that is rejected).
 * A rejected form keeps every typed value; photos must be chosen again and the message says so.
 */
export async function readEventForm(event: RequestEvent): Promise<Read> {
	const form = await event.request.formData();
	const values = formValues(form);
	if (!form.has('isPublic')) values.isPublic = '';
	const files = form.getAll('photos').filter((f): f is File => f instanceof File && f.size > 0);
	const remove = form
		.getAll('removePhoto')
		.map(Number)
		.filter((n) => Number.isInteger(n) && n > 0);
	const location = locationFields('location').safeParse(values);
	const parsed = eventSchema.safeParse({
		...values,
		lat: location.data?.lat ?? '',
		lng: location.data?.lng ?? ''
	});
	const again = files.length ? '（照片需要重新选择）' : '';
	if (!parsed.success || !location.success) {
		const errors = {
			...(location.success ? {} : fieldErrors(location.error)),
			...(parsed.success ? {} : fieldErrors(parsed.error))
		};
		if (again) errors.photos = `请改正上面的问题后再提交${again}`;
		return { ok: false, values, errors };
	}
	if (files.length > events.MAX_PHOTOS)
		return {
			ok: false,
			values,
			errors: { photos: `一次最多上传 ${events.MAX_PHOTOS} 张照片，请重新选择` }
		};
	const photos: string[] = [];
	for (const f of files) {
		try {
			photos.push(await storeImage(f));
		} catch (e) {
			if (e instanceof UploadError)
				return { ok: false, values, errors: { photos: `「${f.name}」：${e.message}` } };
			throw e;
		}
	}
	return { ok: true, input: parsed.data, photos, remove, values };
}

/** The form values of a stored event, for the edit page. */
export function valuesOf(e: NonNullable<ReturnType<typeof events.get>>): Record<string, string> {
	return {
		title: e.title,
		townId: String(e.townId),
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
