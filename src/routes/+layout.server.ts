import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const u = locals.user;
	return { user: u && { id: u.id, displayName: u.displayName, role: u.role } };
};
