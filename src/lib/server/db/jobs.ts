/**
 * Background jobs that must run once however many workers serve: each worker asks on a timer,
 * and only the one whose update moves the job's `next_at` runs it.
 */
import { and, eq, lte } from 'drizzle-orm';
import { db } from './index';
import { jobLease } from './schema';

/** Claims the job if it is due; true for exactly one caller per period. */
export function claim(name: string, everyMs: number, now = Date.now()): boolean {
	return db.transaction(
		(tx) => {
			tx.insert(jobLease).values({ name, nextAt: 0 }).onConflictDoNothing().run();
			const moved = tx
				.update(jobLease)
				.set({ nextAt: now + everyMs, lastRunAt: now })
				.where(and(eq(jobLease.name, name), lte(jobLease.nextAt, now)))
				.run();
			return moved.changes === 1;
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Runs `job` now if due and then every `everyMs`, in whichever worker claims it first. Checked a
 * few times a period, so a worker that exits hands the job to another within minutes.
 */
export function schedule(name: string, everyMs: number, job: () => void) {
	const tick = () => {
		try {
			if (claim(name, everyMs)) job();
		} catch (e) {
			console.error(`[任务 ${name}]`, e);
		}
	};
	tick();
	const timer = setInterval(tick, Math.min(everyMs, 60_000));
	timer.unref();
	return () => clearInterval(timer);
}
