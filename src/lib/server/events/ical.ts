/**
 * A small iCalendar (RFC 5545) writer for published event feeds: one VCALENDAR of VEVENTs in
 * Asia/Shanghai, with its VTIMEZONE, text escaped, CRLF line ends and lines folded at 75 octets
 * without splitting a UTF-8 character. Written here because the maintained generators either need
 * Node 22 (ical-generator 11) or write no VTIMEZONE (ics).
 */

export const TZID = 'Asia/Shanghai';

/** A day, and optionally a wall-clock time there (HH:MM), in Asia/Shanghai. */
export type Moment = { date: string; time?: string | null };

export type CalendarEvent = {
	uid: string;
	/** When the event's record was last written: DTSTAMP and LAST-MODIFIED. */
	stamp: Date;
	start: Moment;
	/** The last day, and the end time on it if known. */
	end: Moment;
	summary: string;
	location?: string;
	description?: string;
	url?: string;
	categories?: string[];
	geo?: { lat: number; lng: number } | null;
};

export type Calendar = {
	/** The product writing it, for PRODID. */
	prodId: string;
	/** The calendar's name, shown by clients that subscribe to it. */
	name: string;
	description?: string;
	events: CalendarEvent[];
};

/** TEXT value escaping: backslash, semicolon, comma and line breaks. */
export function escapeText(s: string): string {
	return s
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds one content line into lines of at most 75 octets (the continuation's leading space
 * included), breaking only between characters.
 */
export function fold(line: string): string {
	if (encoder.encode(line).length <= 75) return line;
	const out: string[] = [];
	let current = '';
	let octets = 0;
	for (const ch of line) {
		const n = encoder.encode(ch).length;
		// the first line holds 75 octets; each continuation holds a space and 74
		if (octets + n > (out.length ? 74 : 75)) {
			out.push(current);
			current = '';
			octets = 0;
		}
		current += ch;
		octets += n;
	}
	out.push(current);
	return out.join('\r\n ');
}

const compact = (date: string) => date.replaceAll('-', '');

function nextDay(date: string): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

function utc(d: Date): string {
	return d
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

/** A wall-clock date-time (HH:MM on the day) in TZID's form: 20261201T093000. */
function local(date: string, time: string): string {
	return `${compact(date)}T${time.replace(':', '')}00`;
}

/**
 * DTSTART and DTEND: a whole-day event (no start time) runs to the day after its last day; a
 * timed one ends at its end time, or — with none — when it starts if on one day, and at the end
 * of its last day if on several.
 */
function times(e: CalendarEvent): string[] {
	if (!e.start.time)
		return [
			`DTSTART;VALUE=DATE:${compact(e.start.date)}`,
			`DTEND;VALUE=DATE:${compact(nextDay(e.end.date))}`
		];
	const start = `DTSTART;TZID=${TZID}:${local(e.start.date, e.start.time)}`;
	if (e.end.time) return [start, `DTEND;TZID=${TZID}:${local(e.end.date, e.end.time)}`];
	if (e.end.date === e.start.date) return [start];
	return [start, `DTEND;TZID=${TZID}:${local(nextDay(e.end.date), '00:00')}`];
}

/** China has kept UTC+8 without daylight saving since 1991. */
const VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	`TZID:${TZID}`,
	'BEGIN:STANDARD',
	'DTSTART:19700101T000000',
	'TZOFFSETFROM:+0800',
	'TZOFFSETTO:+0800',
	'TZNAME:CST',
	'END:STANDARD',
	'END:VTIMEZONE'
];

function vevent(e: CalendarEvent): string[] {
	const lines = [
		'BEGIN:VEVENT',
		`UID:${e.uid}`,
		`DTSTAMP:${utc(e.stamp)}`,
		`LAST-MODIFIED:${utc(e.stamp)}`,
		...times(e),
		`SUMMARY:${escapeText(e.summary)}`
	];
	if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
	if (e.geo) lines.push(`GEO:${e.geo.lat};${e.geo.lng}`);
	if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
	if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
	if (e.url) lines.push(`URL:${e.url}`);
	lines.push('END:VEVENT');
	return lines;
}

/** The whole calendar as iCalendar text. */
export function write(cal: Calendar): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${cal.prodId}`,
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`NAME:${escapeText(cal.name)}`,
		`X-WR-CALNAME:${escapeText(cal.name)}`,
		`X-WR-TIMEZONE:${TZID}`,
		...(cal.description
			? [
					`DESCRIPTION:${escapeText(cal.description)}`,
					`X-WR-CALDESC:${escapeText(cal.description)}`
				]
			: []),
		'REFRESH-INTERVAL;VALUE=DURATION:PT6H',
		'X-PUBLISHED-TTL:PT6H',
		...VTIMEZONE,
		...cal.events.flatMap(vevent),
		'END:VCALENDAR'
	];
	return lines.map(fold).join('\r\n') + '\r\n';
}
