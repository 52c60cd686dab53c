import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { escapeText, fold, write, type CalendarEvent } from './ical';

const octets = (s: string) => new TextEncoder().encode(s).length;

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
	uid: 'event-1@example.org',
	stamp: new Date('2026-11-30T08:00:00Z'),
	start: { date: '2026-12-05', time: '09:30' },
	end: { date: '2026-12-05', time: '11:00' },
	summary: '诚信进社区宣传活动',
	...over
});

function parse(text: string) {
	return new ICAL.Component(ICAL.parse(text));
}

describe('iCalendar text', () => {
	it('escapes backslashes, semicolons, commas and line breaks', () => {
		expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
	});

	it('folds at 75 octets without splitting a character, and unfolds to the same line', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
				const line = `DESCRIPTION:${s}`;
				const folded = fold(line);
				const parts = folded.split('\r\n');
				for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75);
				expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
				expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
			})
		);
		const chinese = fold(`SUMMARY:${'诚信'.repeat(40)}`);
		expect(chinese.split('\r\n').length).toBeGreaterThan(1);
		expect(chinese).not.toContain('\uFFFD');
	});

	it('ends every line with CRLF and has a VTIMEZONE for Asia/Shanghai', () => {
		const text = write({ prodId: '-//t//t//ZH', name: '测试', events: [event()] });
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		const cal = parse(text);
		const tz = cal.getFirstSubcomponent('vtimezone')!;
		expect(tz.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
		expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20261205T093000');
	});

	it('reads back, through an independent parser, the text and times it was given', () => {
		const tricky = '诚信,宣传;活动\\第一期\n第二行';
		const text = write({
			prodId: '-//t//t//ZH',
			name: '测试',
			events: [
				event({
					summary: tricky,
					location: '佘山镇文化中心, 二楼',
					description: '长'.repeat(200),
					geo: { lat: 31.09, lng: 121.2 }
				})
			]
		});
		const cal = parse(text);
		ICAL.TimezoneService.register(cal.getFirstSubcomponent('vtimezone')!);
		const ev = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
		expect(ev.summary).toBe(tricky);
		expect(ev.location).toBe('佘山镇文化中心, 二楼');
		expect(ev.description).toBe('长'.repeat(200));
		expect(ev.uid).toBe('event-1@example.org');
		expect(ev.startDate.toJSDate().toISOString()).toBe('2026-12-05T01:30:00.000Z');
		expect(ev.endDate.toJSDate().toISOString()).toBe('2026-12-05T03:00:00.000Z');
	});

	it('writes a whole-day event to the day after its last day, a timed one without end as a moment', () => {
		const text = write({
			prodId: '-//t//t//ZH',
			name: '测试',
			events: [
				event({ uid: 'a', start: { date: '2026-12-05' }, end: { date: '2026-12-07' } }),
				event({ uid: 'b', end: { date: '2026-12-05' } }),
				event({ uid: 'c', end: { date: '2026-12-06' } })
			]
		});
		expect(text).toContain('DTSTART;VALUE=DATE:20261205\r\nDTEND;VALUE=DATE:20261208');
		const b = text.slice(text.indexOf('UID:b'), text.indexOf('UID:c'));
		expect(b).not.toContain('DTEND');
		expect(text).toContain('DTEND;TZID=Asia/Shanghai:20261207T000000');
	});
});
