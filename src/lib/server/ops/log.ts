/**
 * The operator's log: one JSON line per request error and per security event (a failed login, a
 * throttled attempt, a 403, a refused upload or body), with a UTC timestamp and the request's id.
 * Whatever goes in is redacted first: no token, password, cookie or full phone number is ever
 * written, whichever field it hides in.
 */
import type { RequestEvent } from '@sveltejs/kit';

export type SecurityEvent =
	| 'login.failed'
	| 'login.throttled'
	| 'login.disabled'
	| 'access.forbidden'
	| 'feedback.throttled'
	| 'upload.refused'
	| 'body.too_large';

type Line = Record<string, unknown>;
type Sink = (line: string, level: 'info' | 'error') => void;

const defaultSink: Sink = (line, level) =>
	(level === 'error' ? process.stderr : process.stdout).write(line + '\n');
let sink: Sink = defaultSink;

/** Where lines go (tests read them; `null` restores standard output and error). */
export function setSink(next: Sink | null) {
	sink = next ?? defaultSink;
}

const SECRET_KEY = /pass(word)?|token|secret|cookie|authorization|session|credential|api[-_]?key/i;
const PHONE_KEY = /phone|mobile|tel/i;
// Mainland mobile numbers (also after +86) and landlines with an area code.
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)/g;
const LANDLINE = /(?<!\d)(0\d{2,3})[- ]?(\d{3,4})(\d{4})(?!\d)/g;
// Long opaque strings (session tokens, hashes) anywhere in free text.
const OPAQUE = /\b[a-z0-9_-]{24,}\b/gi;

function maskPhone(s: string): string {
	return s
		.replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`)
		.replace(LANDLINE, (_m, a: string, _b: string, c: string) => `${a}-****${c}`);
}

function redactText(s: string): string {
	return maskPhone(s.replace(OPAQUE, '[redacted]'));
}

/** A copy of `value` fit for the log. */
export function redact(value: unknown, key = '', depth = 0): unknown {
	if (SECRET_KEY.test(key)) return value == null ? value : '[redacted]';
	if (value == null || typeof value === 'number' || typeof value === 'boolean') return value;
	if (typeof value === 'string') {
		const masked = PHONE_KEY.test(key) ? value.replace(/\d(?=\d{4})/g, '*') : value;
		return redactText(masked).slice(0, 2000);
	}
	if (value instanceof Error) {
		return {
			name: value.name,
			message: redactText(value.message),
			stack: value.stack ? redactText(value.stack).slice(0, 4000) : undefined
		};
	}
	if (depth > 4) return '[…]';
	if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, key, depth + 1));
	if (typeof value === 'object') {
		const out: Line = {};
		for (const [k, v] of Object.entries(value as Line)) out[k] = redact(v, k, depth + 1);
		return out;
	}
	return String(value);
}

/** The request's own fields: id, method, path (no query string: it may hold a token), client. */
function requestFields(event: RequestEvent | undefined): Line {
	if (!event) return {};
	let client: string | undefined;
	try {
		client = event.getClientAddress();
	} catch {
		client = undefined;
	}
	return {
		requestId: event.locals.requestId,
		method: event.request.method,
		path: redactText(event.url.pathname),
		client,
		userId: event.locals.user?.id
	};
}

function write(level: 'info' | 'error', kind: string, fields: Line, event?: RequestEvent) {
	const line = {
		time: new Date().toISOString(),
		level,
		event: kind,
		...requestFields(event),
		...(redact(fields) as Line)
	};
	sink(JSON.stringify(line), level);
}

/** A security event: who tried what, from where, and what was answered. */
export function security(kind: SecurityEvent, event: RequestEvent | undefined, fields: Line = {}) {
	write('info', kind, fields, event);
}

/** A request that failed on the server. */
export function requestError(event: RequestEvent, status: number, error: unknown, errorId: string) {
	write('error', 'request.error', { status, errorId, error }, event);
}

/**
 * Whether the answer refused access: a 403, or — for a page's data request (`__data.json`, a
 * client-side navigation) — a load's `error(403)`, which SvelteKit sends inside a 200 body. Only
 * the body's first line is read (the rest may be promises still streaming), from a copy.
 */
export async function isForbidden(event: RequestEvent, response: Response): Promise<boolean> {
	if (response.status === 403) return true;
	if (!event.isDataRequest || response.status !== 200 || !response.body) return false;
	const reader = response.clone().body!.getReader();
	const decoder = new TextDecoder();
	let head = '';
	try {
		while (!head.includes('\n') && head.length < 4_000_000) {
			const { done, value } = await reader.read();
			if (done) break;
			head += decoder.decode(value, { stream: true });
		}
	} finally {
		reader.cancel().catch(() => {});
	}
	if (!head.includes('"status":403')) return false;
	try {
		const data = JSON.parse(head.split('\n')[0]) as {
			nodes?: { type?: string; status?: number }[];
		};
		return (data.nodes ?? []).some((n) => n?.type === 'error' && n.status === 403);
	} catch {
		return false;
	}
}

/** A request id from the caller when it looks like one (a proxy's), else a new one. */
export function requestId(incoming: string | null): string {
	return incoming && /^[\w.:-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
}
