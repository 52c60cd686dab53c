import * as metrology from '$lib/server/metrology';
import { openData } from '$lib/server/public';
import { cached } from '$lib/server/cache';
import { todayISO } from '$lib/format';
import type { RequestHandler } from './$types';

/** The public map's layer: every named unit with a location. */
export const GET: RequestHandler = openData.api(() => {
	const today = todayISO();
	return openData.ok({ items: cached(`metrology.map:${today}`, () => metrology.mapLayer(today)) });
});
