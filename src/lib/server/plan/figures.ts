/**
 * What the system already knows about each task of the plan, computed from records: a registry
 * keyed by the plan's row number, each source a function of the year. Another area adds its row
 * with one line, `register(39, (year) => …)`.
 */
import { and, count, eq, gte, lt, sql, countDistinct } from 'drizzle-orm';
import { db } from '../db';
import { cached } from '../cache';
import { archiveEntry, badge, merchant, street } from '../db/schema';
import * as campaign from '../campaign';
import * as events from '../events';
import * as metrology from '../metrology';
import * as youth from '../youth';
import * as stories from '../stories';
import { LEVELS, LEVEL_LABEL } from '../../streets';
import { todayISO } from '../../format';

/** One figure; `value: null` when its source is not built yet (shown as 暂无数据). */
export type Figure = { label: string; value: number | null; target?: number; unit?: string };

/** Figures per responsible unit, as a small table. */
export type UnitTable = {
	columns: string[];
	rows: { name: string; values: (number | null)[] }[];
};

export type TaskFigures = { figures: Figure[]; byUnit?: UnitTable };

export type FigureSource = (year: number) => TaskFigures;

const sources = new Map<number, FigureSource>();

/** Plugs a row's figures in; the last registration for a row wins. */
export function register(row: number, source: FigureSource) {
	sources.set(row, source);
}

/** A row's figures for a year, or null when no area computes them yet. */
export function figuresFor(row: number, year: number): TaskFigures | null {
	const source = sources.get(row);
	if (!source) return null;
	return cached(`plan.figures:${row}:${year}`, () => source(year));
}

const yearBounds = (year: number) => ({
	from: Date.parse(`${year}-01-01T00:00:00+08:00`),
	to: Date.parse(`${year + 1}-01-01T00:00:00+08:00`)
});

/** Row 37: distinct enterprises with published commitments and with credit reports, per town. */
export function commitmentFigures(year: number): TaskFigures {
	const p = campaign.progress(year);
	return {
		figures: [
			{
				label: '信用承诺公示企业',
				value: p.district.commitments.count,
				target: p.district.commitments.target,
				unit: '家'
			},
			{
				label: '补充信息公示并出具信用报告企业',
				value: p.district.reports.count,
				target: p.district.reports.target,
				unit: '家'
			}
		],
		byUnit: {
			columns: ['承诺公示', '目标', '信用报告', '目标'],
			rows: p.towns.map((t) => ({
				name: t.name,
				values: [t.commitments.count, t.commitments.target, t.reports.count, t.reports.target]
			}))
		}
	};
}

/** Row 38: streets awarded, merchants rated by level, badges valid, archive entries this year. */
export function streetFigures(year: number): TaskFigures {
	const { from, to } = yearBounds(year);
	const today = todayISO();
	const awarded =
		db.select({ n: count() }).from(street).where(eq(street.status, 'awarded')).get()?.n ?? 0;
	const byLevel = new Map(
		db
			.select({ level: merchant.level, n: count() })
			.from(merchant)
			.groupBy(merchant.level)
			.all()
			.map((r) => [r.level, r.n])
	);
	const valid =
		db
			.select({ n: count() })
			.from(badge)
			.where(and(eq(badge.state, 'valid'), gte(badge.validUntil, today)))
			.get()?.n ?? 0;
	const archive =
		db
			.select({ n: count() })
			.from(archiveEntry)
			.where(
				and(gte(archiveEntry.occurredAt, new Date(from)), lt(archiveEntry.occurredAt, new Date(to)))
			)
			.get()?.n ?? 0;
	const perTown = db
		.select({
			townId: merchant.townId,
			rated: sql<number>`sum(case when ${merchant.level} <> 'none' then 1 else 0 end)`,
			merchants: countDistinct(merchant.id)
		})
		.from(merchant)
		.groupBy(merchant.townId)
		.all();
	const streetsPerTown = db
		.select({ townId: street.townId, n: count() })
		.from(street)
		.where(eq(street.status, 'awarded'))
		.groupBy(street.townId)
		.all();
	const p = campaign.progress(year);
	return {
		figures: [
			{ label: '已授牌示范街', value: awarded, unit: '条' },
			...LEVELS.filter((l) => l !== 'none').map((l) => ({
				label: `${LEVEL_LABEL[l]}`,
				value: byLevel.get(l) ?? 0,
				unit: '户'
			})),
			{ label: '有效牌匾', value: valid, unit: '块' },
			{ label: `${year} 年诚信档案记录`, value: archive, unit: '条' }
		],
		byUnit: {
			columns: ['已授牌示范街', '商户', '已评级商户'],
			rows: p.towns.map((t) => {
				const m = perTown.find((x) => x.townId === t.townId);
				return {
					name: t.name,
					values: [
						streetsPerTown.find((x) => x.townId === t.townId)?.n ?? 0,
						m?.merchants ?? 0,
						Number(m?.rated ?? 0)
					]
				};
			})
		}
	};
}

/** Row 40: events of the year by theme and participants, per responsible unit. */
export function eventFigures(year: number): TaskFigures {
	const s = events.unitSummary({ scope: null, from: `${year}-01-01`, to: `${year}-12-31` });
	return {
		figures: [
			{ label: '宣传教育活动', value: s.grand.count, unit: '场' },
			{ label: '参与人次', value: s.grand.participants, unit: '人次' },
			...s.themes.map((t) => ({ label: t.name, value: s.totals[t.id].count, unit: '场' }))
		],
		byUnit: {
			columns: ['活动场次', '参与人次'],
			rows: s.rows.map((r) => ({ name: r.name, values: [r.total.count, r.total.participants] }))
		}
	};
}

register(37, commitmentFigures);
register(38, streetFigures);
register(39, (year) => {
	const m = metrology.figures(year);
	return {
		figures: [
			{ label: '诚信计量示范单位（已命名）', value: m.unitsNamed, unit: '家' },
			{ label: '本年新命名', value: m.unitsNamedInYear, unit: '家' },
			{ label: '逾期未检定器具', value: m.instrumentsOverdue, unit: '台' },
			{ label: '公平秤', value: m.fairScales, unit: '台' },
			{ label: '本季度已核查公平秤', value: m.fairScalesCheckedThisQuarter, unit: '台' }
		]
	};
});
register(40, eventFigures);
register(41, (year) => {
	const y = youth.figures(year);
	return {
		figures: [
			{ label: '覆盖学校', value: y.schoolsReached, target: y.schoolsTotal, unit: '所' },
			{ label: '参与学生', value: y.studentsReached, unit: '人次' },
			{ label: '进校园活动', value: y.youthEvents, unit: '场' }
		]
	};
});
register(42, (year) => {
	const s = stories.figures(year);
	return {
		figures: [
			{ label: '本年发布诚信故事', value: s.storiesPublished, unit: '篇' },
			{ label: '累计发布', value: s.storiesPublishedTotal, unit: '篇' }
		]
	};
});
