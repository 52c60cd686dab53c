/**
 * Staff pages that moved under `/staff/<area>/…` and where they live now. Old links, bookmarks
 * and printed instructions keep working: `hooks.server.ts` answers each with a 308 to the new path.
 * First match wins, so the narrower patterns under one old prefix come before the wider ones.
 */
export type LegacyUrl = {
	from: RegExp;
	to: (m: RegExpExecArray) => string;
	/** One old URL this row answers and the path it must send it to, for the tests. */
	example: [old: string, now: string];
};

/** The rest of the path after an old prefix: nothing, or `/…`. */
const rest = '(/.*)?$';

export const LEGACY_URLS: LegacyUrl[] = [
	{
		from: /^\/badges\/print\/merchant\/([^/]+)\/?$/,
		to: (m) => `/staff/merchants/${m[1]}/print`,
		example: ['/badges/print/merchant/7', '/staff/merchants/7/print']
	},
	{
		from: /^\/badges\/print\/street\/([^/]+)\/?$/,
		to: (m) => `/staff/streets/${m[1]}/print`,
		example: ['/badges/print/street/3', '/staff/streets/3/print']
	},
	{
		from: /^\/badges\/merchants\/([^/]+)\/?$/,
		to: (m) => `/staff/merchants/${m[1]}/badge`,
		example: ['/badges/merchants/7', '/staff/merchants/7/badge']
	},
	{
		from: /^\/badges\/streets\/([^/]+)\/?$/,
		to: (m) => `/staff/streets/${m[1]}/badges`,
		example: ['/badges/streets/3', '/staff/streets/3/badges']
	},
	{
		from: new RegExp(`^/badges/feedback${rest}`),
		to: (m) => `/staff/feedback${m[1] ?? ''}`,
		example: ['/badges/feedback/12', '/staff/feedback/12']
	},
	{
		from: /^\/badges\/flagged\/?$/,
		to: () => '/staff/badges/flagged',
		example: ['/badges/flagged', '/staff/badges/flagged']
	},
	{
		from: /^\/badges\/([^/]+)\/(qr\.png|qr\.svg)$/,
		to: (m) => `/staff/badges/${m[1]}/${m[2]}`,
		example: ['/badges/SJ-2026-000001/qr.svg', '/staff/badges/SJ-2026-000001/qr.svg']
	},
	{
		from: /^\/badges\/?$/,
		to: () => '/staff/badges',
		example: ['/badges', '/staff/badges']
	},
	{
		from: new RegExp(`^/campaign${rest}`),
		to: (m) => `/staff/campaign${m[1] ?? ''}`,
		example: ['/campaign/enterprises/5', '/staff/campaign/enterprises/5']
	},
	{
		from: new RegExp(`^/admin${rest}`),
		to: (m) => `/staff/admin${m[1] ?? ''}`,
		example: ['/admin/users/new', '/staff/admin/users/new']
	},
	{
		from: new RegExp(`^/account${rest}`),
		to: (m) => `/staff/account${m[1] ?? ''}`,
		example: ['/account', '/staff/account']
	}
];

/** The new path for a moved staff page, or null when the path has not moved. */
export function legacyRedirect(pathname: string): string | null {
	for (const row of LEGACY_URLS) {
		const m = row.from.exec(pathname);
		if (m) return row.to(m);
	}
	return null;
}
