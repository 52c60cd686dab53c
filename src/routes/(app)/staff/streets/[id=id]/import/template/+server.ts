import { merchants } from '$lib/server/streets';
import { exports, imports } from '$lib/server/files';
import { importContext } from '../street';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	imports.template(merchants.importSpec, importContext(event), exports.format(event.url));
