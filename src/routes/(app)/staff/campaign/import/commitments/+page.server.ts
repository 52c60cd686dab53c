import { importer } from '$lib/server/campaign';
import { campaignImport } from '../flow';

export const { load, actions } = campaignImport(importer.commitments);
