import * as campaign from '$lib/server/campaign';
import { exports } from '$lib/server/files';
import { listExport } from '../../list-export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = listExport(exports.commitments, campaign.allCommitments);
