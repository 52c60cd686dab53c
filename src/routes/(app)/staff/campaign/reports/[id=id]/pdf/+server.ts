import { error } from '@sveltejs/kit';
import { loadInScope, requireRole } from '$lib/server/access';
import * as campaign from '$lib/server/campaign';
import { enterprises } from '$lib/server/campaign';
import { uploads } from '$lib/server/files';
import type { RequestHandler } from './$types';

/** A credit report's PDF, only for the district and the enterprise's own town. */
export const GET: RequestHandler = async (event) => {
	const u = requireRole(event, 'district_admin', 'town_officer');
	const r = loadInScope(
		u,
		campaign.reportById(Number(event.params.id)),
		(x) => enterprises.byId(x.enterpriseId)?.townId,
		'没有这份报告文件'
	);
	if (!r.pdfKey) error(404, '没有这份报告文件');
	const bytes = await uploads.readPdf(r.pdfKey);
	if (!bytes) error(404, '报告文件已丢失');
	const name = `信用报告-${r.reportNo ?? r.id}.pdf`;
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="report.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
			'cache-control': 'private, no-store'
		}
	});
};
