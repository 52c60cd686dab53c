import { requireAdmin } from '$lib/server/access';
import * as audit from '$lib/server/audit';
import * as users from '$lib/server/users';
import type { PageServerLoad } from './$types';

function shanghaiDay(s: string | null, addDays = 0): Date | undefined {
	if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined;
	const d = new Date(`${s}T00:00:00+08:00`);
	if (Number.isNaN(d.getTime())) return undefined;
	return new Date(d.getTime() + addDays * 86_400_000);
}

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const p = event.url.searchParams;
	const filter = {
		q: p.get('q')?.trim() || undefined,
		entityType: p.get('type') || undefined,
		userId: Number(p.get('user')) || undefined,
		from: shanghaiDay(p.get('from')),
		to: shanghaiDay(p.get('to'), 1),
		page: Math.max(1, Number(p.get('page')) || 1)
	};
	return {
		result: audit.list(filter),
		types: audit.entityTypes(),
		users: users.list().map((u) => ({ id: u.id, name: `${u.displayName}（${u.username}）` })),
		filter: {
			q: p.get('q') ?? '',
			type: p.get('type') ?? '',
			user: p.get('user') ?? '',
			from: p.get('from') ?? '',
			to: p.get('to') ?? ''
		}
	};
};
