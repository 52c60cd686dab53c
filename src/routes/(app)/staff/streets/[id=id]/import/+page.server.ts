import { merchants } from '$lib/server/streets';
import { imports } from '$lib/server/files';
import { importContext } from './street';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => ({ street: importContext(event).street });

export const actions = imports.actions(merchants.importSpec, importContext);
