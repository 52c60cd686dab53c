/**
 * What the event form carries for other areas, read and saved with the event in one transaction:
 * schools and young people (audience counts, schools reached, activity type — `youth`) and the
 * stories an event of form 事迹宣讲 / 故事汇巡演 told (`stories`).
 */
import * as forms from '../forms';
import * as youth from '../youth';
import * as stories from '../stories';
import { townScope } from '../access';
import type { SessionUser } from '../auth/session';
import type { Actor } from '../actor';
import { audienceField, eventReachSchema, REACH_LISTS, type EventReach } from '../../schemas/youth';
import { AUDIENCES, REACH_ROWS } from '../../youth';

export { REACH_LISTS };

/** The choices the form's reach section offers: schools in the viewer's towns, published stories. */
export function choices(u: SessionUser) {
	return {
		schools: youth
			.schools(townScope(u))
			.map((s) => ({ id: s.id, name: s.name, townName: s.townName })),
		stories: stories.forEvents(),
		rows: REACH_ROWS
	};
}

export type ExtrasChoices = ReturnType<typeof choices>;

/** Reads the reach section of a parsed event form. */
export function read(form: FormData): forms.Parsed<EventReach> {
	return forms.parse(form, eventReachSchema, { lists: REACH_LISTS });
}

/** Saves the reach of event `eventId` (inside the event's own transaction when called there). */
export function save(actor: Actor, eventId: number, reach: EventReach) {
	youth.setForEvent(actor, eventId, reach.youth);
	stories.setForEvent(actor, eventId, reach.storyIds);
}

/** The form values of an event's reach, for the edit page. */
export function valuesOf(eventId: number): forms.Values {
	const r = youth.ofEvent(eventId);
	const out: forms.Values = {
		youthActivity: r.activityType ?? '',
		reachSchool: r.schools.map((s) => String(s.id)),
		reachStudents: r.schools.map((s) => String(s.students)),
		story: stories.ofEvent(eventId).map((s) => String(s.id))
	};
	for (const a of AUDIENCES) out[audienceField(a)] = r.audiences[a] ? String(r.audiences[a]) : '';
	return out;
}

/** What an event reached and told, for its pages. */
export function of(eventId: number) {
	return { ...youth.ofEvent(eventId), stories: stories.ofEvent(eventId) };
}
