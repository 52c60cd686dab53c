/** Publicity events, from names (town slug, theme and form names) to a valid input. */
import * as events from '../events';
import * as towns from '../towns';
import * as departments from '../plan/departments';
import type { Actor } from '../actor';
import type { EventInput } from '../../schemas/events';

/** What a test or the demo says about an event; everything else gets a sensible value. */
export type EventSpec = Partial<
	Omit<EventInput, 'townId' | 'themeId' | 'formId' | 'departmentId'>
> & {
	/** A town slug, or null for a department's event held in no town. */
	town?: string | null;
	/** The owning department's name (区教育局 …); a town owns the event when none is given. */
	department?: string;
	theme?: string;
	form?: string;
};

let n = 0;

export function makeEventInput(spec: EventSpec = {}): EventInput {
	n += 1;
	const t = spec.town === null ? undefined : towns.bySlug(spec.town ?? 'sheshan');
	if (!t && spec.town !== null) throw new Error(`unknown town ${spec.town}`);
	const d = spec.department ? departments.byName(spec.department) : undefined;
	if (spec.department && !d) throw new Error(`unknown department ${spec.department}`);
	const place = t?.name ?? d?.name ?? '';
	const theme = events.options('theme').find((o) => o.name === (spec.theme ?? '诚信进社区'));
	const form = events.options('form').find((o) => o.name === (spec.form ?? '事迹宣讲'));
	if (!theme || !form) throw new Error('unknown theme or form');
	const startDate = spec.startDate ?? '2026-06-06';
	return {
		title: spec.title ?? `${theme.name}宣传活动 ${n}`,
		townId: t?.id ?? null,
		departmentId: d?.id ?? null,
		themeId: theme.id,
		formId: form.id,
		venue: spec.venue ?? `${place}社区文化活动中心`,
		lat: spec.lat ?? null,
		lng: spec.lng ?? null,
		startDate,
		startTime: spec.startTime,
		endDate: spec.endDate ?? startDate,
		endTime: spec.endTime,
		organisers: spec.organisers ?? `${place}党群服务中心`,
		participants: spec.participants ?? 50,
		materials: spec.materials ?? '诚信宣传册 100 份',
		summary: spec.summary ?? '向居民宣传诚信经营、诚信消费知识。',
		isPublic: spec.isPublic ?? true
	};
}

export function makeEvent(
	actor: Actor,
	spec: EventSpec = {},
	photoKeys: string[] = [],
	now = new Date()
) {
	return events.create(actor, makeEventInput(spec), photoKeys, now);
}
