/** Open-data responses: JSON, cacheable for a few minutes, errors as `{ "error": "…" }`. */
import { isHttpError, json, type RequestEvent } from '@sveltejs/kit';
import { cached, version } from '../cache';
import type { StreetGeometry } from '../../streets';

const CACHE = 'public, max-age=300, stale-while-revalidate=600';

export function ok(body: unknown) {
	return json(body, {
		headers: { 'cache-control': CACHE, 'access-control-allow-origin': '*' }
	});
}

function apiError(status: number, message: string) {
	return json(
		{ error: message },
		{ status, headers: { 'cache-control': 'no-store', 'access-control-allow-origin': '*' } }
	);
}

/**
 * Every `/api/v1` handler is wrapped in this: a 4xx thrown inside it — a bad list parameter from
 * `query.list`, a missing record's `error(404)` — answers `{ "error": "…" }` with that status, so
 * no bad parameter ever yields an HTML error page or a 500.
 */
export function api<E extends RequestEvent>(
	handler: (event: E) => Response | Promise<Response>
): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await handler(event);
		} catch (e) {
			if (isHttpError(e) && e.status < 500) return apiError(e.status, e.body.message);
			throw e;
		}
	};
}

/** Whether the request's `If-None-Match` names this ETag (weak or strong). */
export function matches(request: Request, etag: string): boolean {
	const match = request.headers.get('if-none-match');
	return !!match?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

type Geometry = StreetGeometry | { type: 'Point'; coordinates: [number, number] };
export type Feature = {
	type: 'Feature';
	id: number;
	geometry: Geometry;
	properties: Record<string, unknown>;
};

/** A GeoJSON Feature; `null` when the item has no location (it is left out of the collection). */
export function feature(
	id: number,
	geometry: Geometry | null | undefined,
	properties: Record<string, unknown>
): Feature | null {
	return geometry ? { type: 'Feature', id, geometry, properties } : null;
}

/** A located point as GeoJSON (RFC 7946 order: longitude, latitude; WGS-84). */
export function point(lat: number | null, lng: number | null): Geometry | null {
	return lat != null && lng != null ? { type: 'Point', coordinates: [lng, lat] } : null;
}

/**
 * A download revalidated on the content version, cached like the JSON API: an unchanged one
 * answers 304 before anything is built, and its bytes are built once per version and `key`.
 */
export function versioned(
	request: Request,
	key: string,
	headers: Record<string, string>,
	build: () => string
): Response {
	// read before building, so a write during the build moves the version past this ETag
	const etag = `"v-${version()}"`;
	const common = { 'cache-control': CACHE, 'access-control-allow-origin': '*', etag };
	if (matches(request, etag)) return new Response(null, { status: 304, headers: common });
	const body = cached(`versioned:${key}`, () => Buffer.from(build()));
	return new Response(new Uint8Array(body), { headers: { ...common, ...headers } });
}

/** An RFC 7946 FeatureCollection (WGS-84, no `crs` member) as `application/geo+json`. */
export function geojson(
	request: Request,
	key: string,
	features: () => (Feature | null)[]
): Response {
	return versioned(request, `geojson:${key}`, { 'content-type': 'application/geo+json' }, () =>
		JSON.stringify({ type: 'FeatureCollection', features: features().filter((f) => f !== null) })
	);
}
