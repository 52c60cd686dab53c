import { error } from '@sveltejs/kit';
import * as metrology from '$lib/server/metrology';
import { cached, publicPage } from '$lib/server/cache';
import { todayISO } from '$lib/format';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	publicPage(event);
	const id = Number(event.params.id);
	const today = todayISO();
	const unit = cached(
		`metrology.unit:${id}:${today}`,
		() => metrology.publicDetail(id, today) ?? null
	);
	if (!unit) error(404, '示范单位不存在或未命名');
	return { unit };
};
