/** Key-value settings stored with the data. */
import { eq } from 'drizzle-orm';
import { db, type Tx } from './db';
import { setting } from './db/schema';

export function get(key: string, tx: Tx | typeof db = db): string | undefined {
	return tx.select().from(setting).where(eq(setting.key, key)).get()?.value;
}

export function set(key: string, value: string, tx: Tx | typeof db = db) {
	tx.insert(setting)
		.values({ key, value })
		.onConflictDoUpdate({ target: setting.key, set: { value } })
		.run();
}

/** Returns the stored value, or stores and returns the one `make` gives the first time. */
export function getOrCreate(key: string, make: () => string): string {
	return db.transaction((tx) => {
		const existing = get(key, tx);
		if (existing !== undefined) return existing;
		const value = make();
		set(key, value, tx);
		return value;
	});
}
