/**
 * The story pages' forms and list parameters: the resident's form (limited per client before any
 * photo is stored), the staff form with its photos, and the lists' `town`/`tag`/`state` filters.
 */
import type { RequestEvent } from '@sveltejs/kit';
import * as forms from '../forms';
import * as query from '../query';
import * as stories from './stories';
import { error } from '@sveltejs/kit';
import { requireUser } from '../access';
import * as towns from '../towns';
import type { SessionUser } from '../auth/session';
import { storeImage, UploadError } from '../files/uploads';
import { storyEditSchema, storySubmitSchema } from '../../schemas/stories';
import { MAX_STORY_PHOTOS, STORY_STATES, STORY_STATE_LABEL } from '../../stories';

export const PUBLIC_LIST = { town: query.town, tag: query.text(10) };
export const STAFF_LIST = { ...PUBLIC_LIST, state: query.oneOf(STORY_STATES, STORY_STATE_LABEL) };

/** The public list: published stories by `q`, `town` (slug) and `tag`, paged in SQL. */
export function readPublicList(url: URL, pageSize = 12) {
	const q = query.list(url, PUBLIC_LIST, { pageSize, maxPageSize: 100 });
	const { town, tag } = q.filters;
	const found = stories.publicList({
		townId: town?.id,
		tag,
		q: q.q,
		limit: q.limit,
		offset: q.offset
	});
	const items = found.items.map((s) => stories.without(s, 'body', 'photos'));
	return {
		...query.paged(items, found.total, q),
		filters: { q: q.q ?? '', town: town?.slug ?? '', tag: tag ?? '' }
	};
}

/** The staff list in the viewer's towns; another town is a 403. */
export function readStaffList(url: URL, u: SessionUser) {
	const q = query.list(url, STAFF_LIST, { pageSize: 30 });
	const { town, tag, state } = q.filters;
	const scope = stories.scopeOf(u);
	if (town && scope && !scope.includes(town.id)) error(403, '您只能查看和修改本街镇的记录');
	const found = stories.staffList(scope, {
		townId: town?.id,
		tag,
		state,
		q: q.q,
		limit: q.limit,
		offset: q.offset
	});
	return {
		...query.paged(found.items, found.total, q),
		filters: { q: q.q ?? '', town: town?.slug ?? '', tag: tag ?? '', state: state ?? '' }
	};
}

function inStoryScope(u: SessionUser, townId: number) {
	const scope = stories.scopeOf(u);
	return !scope || scope.includes(townId);
}

/** The towns a story form offers the user: every town for the district and 区文明办. */
export function townsFor(u: SessionUser) {
	const scope = stories.scopeOf(u);
	return towns
		.list()
		.filter((t) => !scope || scope.includes(t.id))
		.map((t) => ({ id: t.id, slug: t.slug, name: t.name }));
}

/** The signed-in user, when they may open the staff story pages (else 403, or the login page). */
export function requireStories(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const u = requireUser(event);
	if (!stories.canOpen(u)) error(403, '您的账号没有权限访问此页面');
	return u;
}

function photosOf(form: FormData) {
	return form.getAll('photos').filter((f): f is File => f instanceof File && f.size > 0);
}

async function storePhotos(files: File[], values: forms.Values) {
	if (files.length > MAX_STORY_PHOTOS)
		return forms.invalid(values, { photos: `最多上传 ${MAX_STORY_PHOTOS} 张照片，请重新选择` });
	const keys: string[] = [];
	for (const f of files) {
		try {
			keys.push(await storeImage(f));
		} catch (e) {
			if (e instanceof UploadError)
				return forms.invalid(values, { photos: `「${f.name}」：${e.message}` });
			throw e;
		}
	}
	return keys;
}

function clientOf(event: RequestEvent) {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/** The honeypot: a field people never see. */
export const TRAP_FIELD = 'website';

/**
 * A resident's story: parse, count the sender against the limits (a refusal is a 429 before any
 * photo is stored), store the photos, save. Answers the receipt token on success.
 */
export async function submitPublic(event: RequestEvent) {
	const read = await forms.read(event.request, storySubmitSchema);
	if (!read.ok) return read.failure;
	const values = { ...read.values };
	delete values[TRAP_FIELD];
	if (read.form.get(TRAP_FIELD)) return { token: null };
	const refused = await forms.attempt(values, () => stories.admit(clientOf(event)));
	if (refused) return forms.invalid(values, refused.data.errors, 429);
	const keys = await storePhotos(photosOf(read.form), values);
	if (!Array.isArray(keys)) return keys;
	let token = '';
	const failed = await forms.attempt(values, () => {
		token = stories.submit(read.data, keys).token;
	});
	return failed ?? { token };
}

/** Staff create a story, or save over story `id`. */
export async function saveStaff(
	request: Request,
	u: SessionUser,
	id?: number
): Promise<{ ok: true; id: number } | { ok: false; failure: forms.FormFailure }> {
	const read = await forms.read(request, storyEditSchema, { lists: ['removePhoto'] });
	if (!read.ok) return { ok: false, failure: read.failure };
	if (!stories.canOpen(u, id ? 'update' : 'create') || !inStoryScope(u, read.data.townId))
		error(403, '您只能查看和修改本街镇的记录');
	const remove = (read.form.getAll('removePhoto') as string[]).filter(Boolean);
	const keys = await storePhotos(photosOf(read.form), read.values);
	if (!Array.isArray(keys)) return { ok: false, failure: keys };
	let saved = id ?? 0;
	const failed = await forms.attempt(read.values, () => {
		if (id) stories.update(u, id, read.data, { add: keys, remove });
		else saved = stories.create(u, read.data, keys).id;
	});
	return failed ? { ok: false, failure: failed } : { ok: true, id: saved };
}

/** The form values of a stored story. */
export function valuesOf(s: NonNullable<ReturnType<typeof stories.detail>>): forms.Values {
	return {
		title: s.title,
		subjectKind: s.subjectKind,
		subjectName: s.subjectName,
		townId: String(s.townId),
		body: s.body,
		source: s.source,
		tags: s.tags.join('、'),
		linkUscc: s.linkUscc
	};
}
