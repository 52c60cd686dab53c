import { requireUser } from '$lib/server/access';
import * as towns from '$lib/server/towns';
import * as plan from '$lib/server/plan';
import * as due from '$lib/server/due';
import * as stories from '$lib/server/stories';
import * as youth from '$lib/server/youth';
import * as metrology from '$lib/server/metrology';
import { navFor } from '$lib/nav';
import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	const u = requireUser(event);
	if (u.role === 'merchant') error(403, '商户账号请在“我的门店”查看');
	const myTowns = [
		...u.townIds.map((id) => towns.byId(id)?.name),
		u.departmentId ? plan.departments.byId(u.departmentId)?.name : undefined
	].filter(Boolean) as string[];
	const units = metrology.townsFor(u, 'view');
	const grants = {
		stories: stories.canOpen(u),
		youth: youth.canOpenView(u),
		metrology: !units || units.length > 0
	};
	return {
		// Signed in for certain here: the pages (and the drafts they keep on the phone) rely on it.
		user: { id: u.id, displayName: u.displayName, role: u.role },
		nav: navFor(u.role, grants),
		myTowns,
		dueTotal: due.total(due.forUser(u))
	};
};
