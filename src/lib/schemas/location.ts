import { z } from 'zod';

/** An optional WGS-84 point from `${name}Lat` / `${name}Lng`, within reach of Songjiang. */
export function locationFields(name = 'location') {
	return z
		.object({
			[`${name}Lat`]: z.string().trim().optional(),
			[`${name}Lng`]: z.string().trim().optional()
		})
		.transform((v, ctx) => {
			const lat = v[`${name}Lat`];
			const lng = v[`${name}Lng`];
			if (!lat && !lng) return null;
			const la = Number(lat);
			const ln = Number(lng);
			if (!lat || !lng || !Number.isFinite(la) || !Number.isFinite(ln)) {
				ctx.addIssue({
					code: 'custom',
					path: [name],
					message: '请同时填写纬度和经度，或在地图上点选'
				});
				return z.NEVER;
			}
			if (la < 30.5 || la > 31.5 || ln < 120.8 || ln > 121.8) {
				ctx.addIssue({
					code: 'custom',
					path: [name],
					message: '这个位置不在松江区附近，请在地图上重新点选'
				});
				return z.NEVER;
			}
			return { lat: la, lng: ln };
		});
}

/**
 * For `.transform` on a form's schema that carries `locationLat` / `locationLng`: the record's
 * fields with the point checked and turned into `lat` / `lng` (null when none was given).
 */
export function withLocation<T extends { locationLat?: string; locationLng?: string }>(
	v: T,
	ctx: z.RefinementCtx
): Omit<T, 'locationLat' | 'locationLng'> & { lat: number | null; lng: number | null } {
	const { locationLat, locationLng, ...rest } = v;
	const where = locationFields('location').safeParse({ locationLat, locationLng });
	if (!where.success) {
		for (const issue of where.error.issues)
			ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
		return z.NEVER;
	}
	return { ...rest, lat: where.data?.lat ?? null, lng: where.data?.lng ?? null };
}
