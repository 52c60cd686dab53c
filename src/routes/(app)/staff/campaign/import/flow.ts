/**
 * The two campaign imports (commitments, reports) share one page: a year and a file. Each route
 * passes its spec from `campaign.importer`.
 */
import { z } from 'zod';
import type { RequestEvent } from '@sveltejs/kit';
import { requireRole, townScope } from '$lib/server/access';
import * as forms from '$lib/server/forms';
import { exports, imports } from '$lib/server/files';
import * as campaign from '$lib/server/campaign';
import type { importer } from '$lib/server/campaign';

const yearSchema = z.object({
	year: z.preprocess(
		(v) => (v === '' ? undefined : v),
		z.coerce
			.number({ message: '年度应为 2000 到 2100 之间的四位数字' })
			.int('年度应为 2000 到 2100 之间的四位数字')
			.min(2000, '年度应为 2000 到 2100 之间的四位数字')
			.max(2100, '年度应为 2000 到 2100 之间的四位数字')
			.optional()
	)
});

function who(event: RequestEvent) {
	const actor = requireRole(event, 'district_admin', 'town_officer');
	return { actor, scope: townScope(actor) };
}

function context(event: RequestEvent, form: FormData) {
	const ctx = who(event);
	const parsed = forms.parse(form, yearSchema);
	if (!parsed.ok) return parsed.failure;
	return { ...ctx, year: parsed.data.year ?? campaign.currentYear() };
}

export function campaignImport<Row>(spec: imports.Spec<importer.ImportContext, Row>) {
	return {
		load: (event: RequestEvent) => {
			requireRole(event, 'district_admin', 'town_officer');
			return { years: campaign.listYears(), year: campaign.currentYear() };
		},
		actions: imports.actions(spec, context),
		template: (event: RequestEvent) =>
			imports.template(
				spec,
				{ ...who(event), year: campaign.currentYear() },
				exports.format(event.url)
			)
	};
}
