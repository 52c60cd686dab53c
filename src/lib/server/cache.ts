/**
 * The one cache: values computed from the database, kept until the content version moves (any
 * commit to content, from this worker, another one or the CLI — see `dataStamp`). Each worker
 * holds its own copy, and every copy answers the same, because all key on the version stored in
 * the database. Nothing here needs invalidating by hand.
 */
import { dataStamp } from './db';

const MAX_ENTRIES = 500;
const MAX_BYTES = 64 * 1024 * 1024;

type Entry = { version: string; value: unknown; bytes: number };
const entries = new Map<string, Entry>();
let bytes = 0;

function sizeOf(value: unknown): number {
	if (value instanceof Uint8Array) return value.byteLength;
	if (typeof value === 'string') return value.length * 2;
	return 1024;
}

function drop(key: string) {
	const e = entries.get(key);
	if (!e) return;
	bytes -= e.bytes;
	entries.delete(key);
}

/** The content version now: changes with every committed write to content. */
export function version(): string {
	return dataStamp();
}

/**
 * `compute()` once per content version and key. A promise is kept as it is (concurrent callers
 * share one computation) and forgotten if it fails.
 */
export function cached<T>(key: string, compute: () => T): T {
	const v = dataStamp();
	const hit = entries.get(key);
	if (hit && hit.version === v) {
		// most recently used last, so the oldest is evicted first
		entries.delete(key);
		entries.set(key, hit);
		return hit.value as T;
	}
	drop(key);
	const value = compute();
	const entry: Entry = { version: v, value, bytes: sizeOf(value) };
	if (value instanceof Promise) {
		value.then(
			(settled) => {
				if (entries.get(key) !== entry) return;
				const size = sizeOf(settled);
				bytes += size - entry.bytes;
				entry.bytes = size;
				trim();
			},
			() => {
				if (entries.get(key) === entry) drop(key);
			}
		);
	}
	entries.set(key, entry);
	bytes += entry.bytes;
	trim();
	return value;
}

function trim() {
	while (entries.size > MAX_ENTRIES || (bytes > MAX_BYTES && entries.size > 1)) {
		const oldest = entries.keys().next().value;
		if (oldest === undefined) break;
		drop(oldest);
	}
}
