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
	if (value && typeof value === 'object' && 'body' in value && value.body instanceof Uint8Array)
		return value.body.byteLength + 1024;
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
export function cached<T>(
	key: string,
	compute: () => T,
	opts: { keep?: (value: Awaited<T>) => boolean } = {}
): T {
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
	if (!(value instanceof Promise) && opts.keep && !opts.keep(value as Awaited<T>)) return value;
	if (value instanceof Promise) {
		value.then(
			(settled) => {
				if (entries.get(key) !== entry) return;
				if (opts.keep && !opts.keep(settled as Awaited<T>)) return drop(key);
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

type Snapshot = { status: number; headers: [string, string][]; body: Uint8Array<ArrayBuffer> };

/**
 * A whole response kept like any other value: for public pages that every anonymous visitor sees
 * the same until the data changes. Only a 200 without cookies is kept; each caller gets a fresh
 * `Response` (later hooks may set headers on it).
 */
export async function cachedResponse(
	key: string,
	render: () => Response | Promise<Response>
): Promise<Response> {
	const snap = await cached(
		key,
		async (): Promise<Snapshot> => {
			const res = await render();
			return {
				status: res.status,
				headers: [...res.headers],
				body: new Uint8Array(await res.arrayBuffer())
			};
		},
		{ keep: (s) => s.status === 200 && !s.headers.some(([k]) => k === 'set-cookie') }
	);
	return new Response(snap.body.byteLength ? snap.body : null, {
		status: snap.status,
		headers: snap.headers
	});
}

type PageEvent = { locals: App.Locals; setHeaders: (headers: Record<string, string>) => void };

/**
 * Cache headers of a public page. A page a signed-in officer sees carries their name, so it is
 * never stored by a shared cache; a resident's copy may be, briefly. The large-text cookie changes
 * the HTML too, hence `vary: cookie`.
 */
export function publicPage(event: PageEvent, maxAge = 60) {
	event.setHeaders({
		'cache-control': event.locals.user
			? 'private, no-store'
			: `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 5}`,
		vary: 'cookie'
	});
}
