import { error } from '@sveltejs/kit';
import { can, requireRole } from '$lib/server/access';
import * as plan from '$lib/server/plan';
import { uploads } from '$lib/server/files';
import type { RequestHandler } from './$types';

/** A report's attachment, for the district and the unit that filed it only. */
export const GET: RequestHandler = async (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer', 'department_officer');
	const a = plan.reports.attachment(Number(event.params.id));
	if (!a) error(404, '附件不存在');
	const unit = plan.units.ownerOf(a.report);
	if (!unit || !can(u, 'view', 'plan_report', plan.units.ownerOfUnit(unit)))
		error(403, '您只能查看本单位的附件');
	return (await uploads.attachmentResponse(a.key, a.name)) ?? error(404, '附件不存在');
};
