import { describe, expect, it } from 'vitest';
import * as layout from './+layout.server';
import * as youthPage from './staff/events/youth/+page.server';
import * as storyList from './staff/stories/+page.server';
import * as unitList from './staff/metrology/+page.server';
import { makeUser } from '$lib/server/testing/users';
import { allowed, answer, requestEvent } from '$lib/server/testing/requests';
import type { SessionUser } from '$lib/server/auth/session';

const hrefs = async (u: SessionUser) => {
	const a = await answer(() => layout.load(requestEvent(u, '/staff') as never));
	return (a.body as { nav: { href: string }[] }).nav.map((i) => i.href);
};
const opens = async (u: SessionUser, load: (e: never) => unknown, path: string) =>
	allowed(await answer(() => load(requestEvent(u, path) as never)));

describe('the staff menu', () => {
	it('shows 诚信故事, 青少年诚信教育 and 诚信计量示范单位 exactly to those whose page opens', async () => {
		const users = [
			await makeUser('district_admin'),
			await makeUser('town_officer', ['sheshan']),
			await makeUser('inspector', ['sheshan']),
			await makeUser('department_officer', [], { department: '区教育局' }),
			await makeUser('department_officer', [], { department: '区文明办' }),
			await makeUser('department_officer', [], { department: '团区委' }),
			await makeUser('department_officer', [], { department: '区市场监管局' })
		];
		const seen: Record<string, [boolean, boolean, boolean]> = {};
		for (const u of users) {
			const nav = await hrefs(u);
			for (const [href, load] of [
				['/staff/stories', storyList.load],
				['/staff/events/youth', youthPage.load],
				['/staff/metrology', unitList.load]
			] as const)
				expect(nav.includes(href), `${u.role} ${u.departmentId ?? ''} ${href}`).toBe(
					await opens(u, load as never, href)
				);
			seen[`${u.role}:${u.departmentId ?? ''}`] = [
				nav.includes('/staff/stories'),
				nav.includes('/staff/events/youth'),
				nav.includes('/staff/metrology')
			];
		}
		// the rule itself, so the comparison cannot pass by hiding both everywhere
		expect(Object.values(seen)).toEqual([
			[true, true, true],
			[true, false, true],
			[false, false, true],
			[false, true, false],
			[true, false, false],
			[false, false, false],
			[false, false, true]
		]);
	});
});
