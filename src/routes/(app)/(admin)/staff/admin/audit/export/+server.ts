import { requireAdmin } from '$lib/server/access';
import * as audit from '$lib/server/audit';
import { exports } from '$lib/server/files';
import * as query from '$lib/server/query';
import type { RequestHandler } from './$types';

/** The audit log with the page's filters, for district admins only. */
export const GET: RequestHandler = (event) => {
	requireAdmin(event);
	const x = exports.auditLog;
	const filter = audit.filterOf({ ...query.list(event.url, x.filters), page: undefined });
	return exports.send(event, x.name(), x.columns, () => audit.all(filter));
};
