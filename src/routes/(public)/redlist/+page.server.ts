import { supervision } from '$lib/server/streets';
import * as towns from '$lib/server/towns';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'public, max-age=300' });
	const town = towns.bySlug(url.searchParams.get('town') ?? '');
	const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get('page')) || 1));
	return {
		red: supervision.redList({ townId: town?.id, page }),
		town: town?.slug ?? '',
		towns: towns.list().map((t) => ({ slug: t.slug, name: t.name })),
		revoked: supervision.revokedNotices()
	};
};
