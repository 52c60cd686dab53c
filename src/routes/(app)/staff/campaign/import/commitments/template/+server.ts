import { importer } from '$lib/server/campaign';
import { campaignImport } from '../../flow';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => campaignImport(importer.commitments).template(event);
