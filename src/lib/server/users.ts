/**
 * Accounts: creation, role and towns (staff) or shops (merchants), password resets, disabling.
 */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { db, type Tx } from './db';
import {
	merchant,
	user,
	userDepartment,
	userMerchant,
	userTown,
	type Role,
	type User
} from './db/schema';
import * as audit from './audit';
import { DomainError } from './forms';
import {
	checkPasswordStrength,
	hashPassword,
	invalidateUserSessions,
	verifyPassword
} from './auth';
import type { Actor } from './actor';
import type { SessionUser } from './auth/session';

export type UserWithTowns = Omit<User, 'passwordHash'> & {
	townIds: number[];
	departmentId?: number | null;
};

function townIdsOf(tx: Tx | typeof db, userId: number): number[] {
	return tx
		.select({ townId: userTown.townId })
		.from(userTown)
		.where(eq(userTown.userId, userId))
		.all()
		.map((r) => r.townId);
}

function departmentOf(tx: Tx | typeof db, userId: number): number | null {
	return (
		tx
			.select({ id: userDepartment.departmentId })
			.from(userDepartment)
			.where(eq(userDepartment.userId, userId))
			.get()?.id ?? null
	);
}

export function merchantIdsOf(tx: Tx | typeof db, userId: number): number[] {
	return tx
		.select({ merchantId: userMerchant.merchantId })
		.from(userMerchant)
		.where(eq(userMerchant.userId, userId))
		.all()
		.map((r) => r.merchantId);
}

/** The accounts that speak for a merchant. */
export function forMerchant(merchantId: number) {
	return db
		.select({
			id: user.id,
			username: user.username,
			displayName: user.displayName,
			disabledAt: user.disabledAt,
			createdAt: user.createdAt
		})
		.from(user)
		.innerJoin(userMerchant, eq(userMerchant.userId, user.id))
		.where(eq(userMerchant.merchantId, merchantId))
		.orderBy(asc(user.id))
		.all();
}

function publicFields(
	u: User,
	townIds: number[],
	departmentId: number | null = null
): UserWithTowns {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { passwordHash, ...rest } = u;
	return { ...rest, townIds, departmentId };
}

export function countUsers(): number {
	return db.select({ n: count() }).from(user).get()?.n ?? 0;
}

export function list(): UserWithTowns[] {
	const users = db.select().from(user).orderBy(asc(user.id)).all();
	const links = db.select().from(userTown).all();
	const depts = new Map(
		db
			.select()
			.from(userDepartment)
			.all()
			.map((d) => [d.userId, d.departmentId])
	);
	return users.map((u) =>
		publicFields(
			u,
			links.filter((l) => l.userId === u.id).map((l) => l.townId),
			depts.get(u.id) ?? null
		)
	);
}

export function getById(id: number): UserWithTowns | undefined {
	const u = db.select().from(user).where(eq(user.id, id)).get();
	return u && publicFields(u, townIdsOf(db, id), departmentOf(db, id));
}

export function getByUsername(username: string): User | undefined {
	return db.select().from(user).where(eq(user.username, username)).get();
}

function checkTowns(
	role: Role,
	townIds: number[],
	departmentId?: number | null,
	merchantIds: number[] = []
) {
	if (role === 'department_officer' && !departmentId)
		throw new DomainError('departmentId', '区级部门工作人员必须属于一个区级部门');
	if (role === 'merchant') {
		if (merchantIds.length < 1) throw new DomainError('merchantIds', '商户账号至少要关联一家商户');
		return;
	}
	if (role === 'town_officer' && townIds.length !== 1)
		throw new DomainError('townIds', '街镇工作人员必须属于且只属于一个街镇');
	if (role === 'inspector' && townIds.length < 1)
		throw new DomainError('townIds', '检查评审员至少要分配一个街镇');
}

function setTowns(tx: Tx, userId: number, role: Role, townIds: number[]) {
	tx.delete(userTown).where(eq(userTown.userId, userId)).run();
	// A merchant account has no town: every staff check by town refuses it.
	const ids =
		role === 'district_admin' || role === 'department_officer' || role === 'merchant'
			? []
			: [...new Set(townIds)];
	if (ids.length)
		tx.insert(userTown)
			.values(ids.map((townId) => ({ userId, townId })))
			.run();
	return ids;
}

function setDepartment(tx: Tx, userId: number, role: Role, departmentId?: number | null) {
	tx.delete(userDepartment).where(eq(userDepartment.userId, userId)).run();
	if (role !== 'department_officer' || !departmentId) return null;
	tx.insert(userDepartment).values({ userId, departmentId }).run();
	return departmentId;
}

/** The shops a merchant account speaks for; none for staff. */
function setMerchants(tx: Tx, userId: number, role: Role, merchantIds: number[]) {
	tx.delete(userMerchant).where(eq(userMerchant.userId, userId)).run();
	const ids = role === 'merchant' ? [...new Set(merchantIds)] : [];
	if (!ids.length) return ids;
	const known = tx
		.select({ id: merchant.id })
		.from(merchant)
		.where(inArray(merchant.id, ids))
		.all();
	if (known.length !== ids.length) throw new DomainError('merchantIds', '关联的商户不存在');
	tx.insert(userMerchant)
		.values(ids.map((merchantId) => ({ userId, merchantId })))
		.run();
	return ids;
}

export async function create(
	actor: Actor,
	input: {
		username: string;
		displayName: string;
		password: string;
		role: Role;
		townIds: number[];
		departmentId?: number | null;
		merchantIds?: number[];
	}
): Promise<UserWithTowns & { merchantIds: number[] }> {
	checkTowns(input.role, input.townIds, input.departmentId, input.merchantIds);
	if (getByUsername(input.username)) throw new DomainError('username', '该用户名已被使用');
	const passwordHash = await hashPassword(input.password);
	return db.transaction((tx) => {
		const created = tx
			.insert(user)
			.values({
				username: input.username,
				displayName: input.displayName,
				passwordHash,
				role: input.role,
				createdAt: new Date()
			})
			.returning()
			.get();
		const townIds = setTowns(tx, created.id, input.role, input.townIds);
		const departmentId = setDepartment(tx, created.id, input.role, input.departmentId);
		const merchantIds = setMerchants(tx, created.id, input.role, input.merchantIds ?? []);
		const after = { ...publicFields(created, townIds, departmentId), merchantIds };
		audit.record(tx, actor, {
			action: 'user.create',
			entityType: 'user',
			entityId: created.id,
			after
		});
		return after;
	});
}

export function update(
	actor: Actor,
	id: number,
	input: { displayName: string; role: Role; townIds: number[]; departmentId?: number | null }
): UserWithTowns {
	checkTowns(
		input.role,
		input.townIds,
		input.departmentId,
		input.role === 'merchant' ? merchantIdsOf(db, id) : []
	);
	const result = db.transaction((tx) => {
		const row = tx.select().from(user).where(eq(user.id, id)).get();
		if (!row) throw new DomainError('_', '用户不存在');
		const before = publicFields(row, townIdsOf(tx, id), departmentOf(tx, id));
		const updated = tx
			.update(user)
			.set({ displayName: input.displayName, role: input.role })
			.where(eq(user.id, id))
			.returning()
			.get();
		const townIds = setTowns(tx, id, input.role, input.townIds);
		const departmentId = setDepartment(tx, id, input.role, input.departmentId);
		if (input.role !== 'merchant') setMerchants(tx, id, input.role, []);
		const after = publicFields(updated, townIds, departmentId);
		audit.record(tx, actor, {
			action: 'user.update',
			entityType: 'user',
			entityId: id,
			before,
			after
		});
		return { before, after };
	});
	// A changed role or town takes effect at once: the user signs in again.
	if (
		result.before.role !== result.after.role ||
		result.before.townIds.join() !== result.after.townIds.join() ||
		result.before.departmentId !== result.after.departmentId
	)
		invalidateUserSessions(id);
	return result.after;
}

export async function setPassword(actor: Actor, id: number, password: string) {
	const passwordHash = await hashPassword(password);
	db.transaction((tx) => {
		const row = tx.select().from(user).where(eq(user.id, id)).get();
		if (!row) throw new DomainError('_', '用户不存在');
		tx.update(user).set({ passwordHash }).where(eq(user.id, id)).run();
		audit.record(tx, actor, {
			action: actor.id === id ? 'user.change_password' : 'user.reset_password',
			entityType: 'user',
			entityId: id
		});
	});
	invalidateUserSessions(id);
}

/**
 * A user changes its own password: the current one must be right and the new one strong. Every
 * session of the user ends (the caller starts a fresh one for the device in hand).
 */
export async function changeOwnPassword(
	me: SessionUser,
	input: { current: string; next: string; confirm: string }
) {
	const account = getByUsername(me.username);
	if (
		!account ||
		account.id !== me.id ||
		!(await verifyPassword(account.passwordHash, input.current))
	)
		throw new DomainError('current', '当前密码不正确');
	const weak = checkPasswordStrength(input.next, me.username);
	if (weak) throw new DomainError('next', weak);
	if (input.next !== input.confirm) throw new DomainError('confirm', '两次输入的新密码不一致');
	if (input.next === input.current) throw new DomainError('next', '新密码不能与当前密码相同');
	await setPassword(me, me.id, input.next);
}

export function setDisabled(actor: Actor, id: number, disabled: boolean) {
	if (actor.id === id) throw new DomainError('_', '不能停用自己的账号');
	db.transaction((tx) => {
		const row = tx.select().from(user).where(eq(user.id, id)).get();
		if (!row) throw new DomainError('_', '用户不存在');
		const disabledAt = disabled ? new Date() : null;
		tx.update(user).set({ disabledAt }).where(eq(user.id, id)).run();
		audit.record(tx, actor, {
			action: disabled ? 'user.disable' : 'user.enable',
			entityType: 'user',
			entityId: id,
			before: { disabledAt: row.disabledAt },
			after: { disabledAt }
		});
	});
	if (disabled) invalidateUserSessions(id);
}

export function usersInTowns(townIds: number[]) {
	if (!townIds.length) return [];
	return db
		.selectDistinct({ id: user.id, displayName: user.displayName, role: user.role })
		.from(user)
		.innerJoin(userTown, eq(userTown.userId, user.id))
		.where(and(inArray(userTown.townId, townIds)))
		.all();
}
