import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from './db';
import { auditLog, user, userTown } from './db/schema';
import * as users from './users';
import * as towns from './towns';
import { makeMerchant, makeMerchantAccount, makeStreet, makeUser } from './testing/factories';
import { SYSTEM } from './actor';
import { createSession, generateSessionToken, validateSessionToken, verifyPassword } from './auth';

describe('users', () => {
	it('writes every change to the audit log without the password hash', async () => {
		const admin = await makeUser('district_admin');
		const created = await users.create(admin, {
			username: 'officer-audit',
			displayName: '王芳',
			password: 'a-long-enough-password',
			role: 'town_officer',
			townIds: [towns.bySlug('sijing')!.id]
		});
		users.update(admin, created.id, {
			displayName: '王芳',
			role: 'inspector',
			townIds: [towns.bySlug('sijing')!.id, towns.bySlug('sheshan')!.id]
		});
		const entries = db
			.select()
			.from(auditLog)
			.where(eq(auditLog.entityId, String(created.id)))
			.all();
		expect(entries.map((e) => e.action)).toEqual(['user.create', 'user.update']);
		expect(entries[1].userId).toBe(admin.id);
		expect(JSON.stringify(entries)).not.toContain('argon2');
		expect((entries[1].after as { townIds: number[] }).townIds).toHaveLength(2);
	});

	it('requires exactly one town for a town officer and at least one for an inspector', async () => {
		const admin = await makeUser('district_admin');
		const base = { displayName: '李明', password: 'a-long-enough-password', townIds: [] };
		await expect(
			users.create(admin, { ...base, username: 'no-town', role: 'town_officer' })
		).rejects.toThrow('只属于一个街镇');
		await expect(
			users.create(admin, {
				...base,
				username: 'two-towns',
				role: 'town_officer',
				townIds: [1, 2]
			})
		).rejects.toThrow('只属于一个街镇');
		await expect(
			users.create(admin, { ...base, username: 'insp', role: 'inspector' })
		).rejects.toThrow('至少要分配一个街镇');
		expect(db.select().from(user).where(eq(user.username, 'no-town')).get()).toBeUndefined();
	});

	it('keeps the write and its audit entry together', async () => {
		const admin = await makeUser('district_admin');
		const before = db.select().from(auditLog).all().length;
		const links = db.select().from(userTown).all().length;
		expect(() => users.setDisabled(admin, 999_999, true)).toThrow('用户不存在');
		expect(db.select().from(auditLog).all().length).toBe(before);

		// An acting account that no longer exists: the user row goes in, then the audit entry
		// cannot (its user_id has nothing to point at). Both must be gone, or the write was not
		// in the audit entry's transaction.
		const ghost = { ...admin, id: 999_999 };
		await expect(
			users.create(ghost, {
				username: 'audit-must-fail',
				displayName: '赵强',
				password: 'a-long-enough-password',
				role: 'inspector',
				townIds: [towns.bySlug('sijing')!.id]
			})
		).rejects.toThrow(/FOREIGN KEY/);
		expect(
			db.select().from(user).where(eq(user.username, 'audit-must-fail')).get()
		).toBeUndefined();
		expect(db.select().from(userTown).all().length).toBe(links);
		expect(db.select().from(auditLog).all().length).toBe(before);
	});
});

describe('changing one’s own password', () => {
	it('needs the current password, a strong new one twice, and ends every session', async () => {
		const current = 'Known-password-42x';
		const shop = makeMerchant(SYSTEM, makeStreet(SYSTEM, 'sijing').id);
		const accounts = [
			await makeUser('inspector', ['sijing'], { password: current }),
			await makeMerchantAccount([shop.id], { password: current })
		];
		for (const u of accounts) {
			const token = generateSessionToken();
			createSession(token, u.id);
			const next = 'Fresh-passphrase-2026';
			for (const [input, field] of [
				[{ current: 'wrong-password', next, confirm: next }, 'current'],
				[{ current, next: 'short', confirm: 'short' }, 'next'],
				[{ current, next, confirm: `${next}!` }, 'confirm'],
				[{ current, next: current, confirm: current }, 'next']
			] as const) {
				await expect(users.changeOwnPassword(u, input)).rejects.toMatchObject({ field });
			}
			expect(validateSessionToken(token).user?.id).toBe(u.id);
			await users.changeOwnPassword(u, { current, next, confirm: next });
			const stored = users.getByUsername(u.username)!;
			expect(stored.passwordHash.startsWith('$argon2id$')).toBe(true);
			expect(await verifyPassword(stored.passwordHash, next)).toBe(true);
			expect(await verifyPassword(stored.passwordHash, current)).toBe(false);
			expect(validateSessionToken(token).user).toBeNull();
			expect(
				db
					.select()
					.from(auditLog)
					.where(eq(auditLog.entityId, String(u.id)))
					.all()
					.some((e) => e.action === 'user.change_password')
			).toBe(true);
		}
	});
});
