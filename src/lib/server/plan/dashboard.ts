/**
 * The district dashboard's cards for rows 39 (诚信计量示范), 41 (青少年诚信教育) and 42 (诚信故事),
 * each from its own module; the work-plan pages read the same modules through `./figures`.
 */
import * as metrology from '../metrology';
import * as youth from '../youth';
import * as stories from '../stories';

export const row39 = metrology.figures;
export const row41 = youth.figures;
export const row42 = stories.figures;

/** The three rows' figures of a year, labelled for display. */
export function rows39to42(year: number) {
	const m = row39(year);
	const y = row41(year);
	const s = row42(year);
	return [
		{
			row: 39,
			title: '诚信计量示范',
			href: '/staff/metrology',
			figures: [
				{ label: '已命名示范单位', value: m.unitsNamed },
				{ label: '计量器具检定超期', value: m.instrumentsOverdue, warn: m.instrumentsOverdue > 0 },
				{ label: '本季度已核查公平秤', value: m.fairScalesCheckedThisQuarter, of: m.fairScales }
			]
		},
		{
			row: 41,
			title: '青少年诚信教育',
			href: '/staff/events/youth',
			figures: [
				{ label: '已走进学校', value: y.schoolsReached, of: y.schoolsTotal },
				{ label: '学生人次', value: y.studentsReached }
			]
		},
		{
			row: 42,
			title: '诚信故事',
			href: '/staff/stories',
			figures: [
				{ label: '本年发布诚信故事', value: s.storiesPublished },
				{ label: '待审核投稿', value: s.pending, warn: s.pending > 0 }
			]
		}
	];
}
