import { requireUser } from '$lib/server/access';
import * as towns from '$lib/server/towns';
import * as plan from '$lib/server/plan';
import { navFor } from '$lib/nav';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	const u = requireUser(event);
	const myTowns = [
		...u.townIds.map((id) => towns.byId(id)?.name),
		u.departmentId ? plan.departments.byId(u.departmentId)?.name : undefined
	].filter(Boolean) as string[];
	return { nav: navFor(u.role), myTowns };
};
