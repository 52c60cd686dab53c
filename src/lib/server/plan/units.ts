/**
 * 责任单位: a town or a district department, as one list. Towns keep their own table and every
 * town-scoped rule; a unit is the read-side union the plan, its reports and the event views use.
 */
import * as towns from '../towns';
import * as departments from './departments';
import { unitKey, parseUnitKey, type UnitKind, type UnitRef } from '../../plan';
import { can } from '../access/policy';
import type { Actor } from '../actor';

export type Unit = UnitRef & { key: string; name: string };

function fromTown(t: { id: number; name: string }): Unit {
	return { kind: 'town', id: t.id, key: unitKey({ kind: 'town', id: t.id }), name: t.name };
}

function fromDepartment(d: { id: number; name: string }): Unit {
	return {
		kind: 'department',
		id: d.id,
		key: unitKey({ kind: 'department', id: d.id }),
		name: d.name
	};
}

/** Every active unit: the towns in the district's order, then the departments. */
export function all(): Unit[] {
	return [...towns.list().map(fromTown), ...departments.list().map(fromDepartment)];
}

export function get(ref: UnitRef | string | null | undefined): Unit | undefined {
	const r = typeof ref === 'string' ? parseUnitKey(ref) : ref;
	if (!r) return undefined;
	if (r.kind === 'town') {
		const t = towns.byId(r.id);
		return t && fromTown(t);
	}
	const d = departments.byId(r.id);
	return d && fromDepartment(d);
}

export function ofKind(kind: UnitKind): Unit[] {
	return all().filter((u) => u.kind === kind);
}

/** The unit an officer answers for: a town officer's town, a department officer's department. */
export function ofUser(u: Actor): Unit | undefined {
	if (u.role === 'department_officer') return get({ kind: 'department', id: u.departmentId ?? 0 });
	if (u.role === 'town_officer' && u.townIds.length === 1)
		return get({ kind: 'town', id: u.townIds[0] });
	return undefined;
}

/** Whether the user may write for the unit: district admins for every unit, officers for their own. */
export function canActFor(u: Actor, unit: UnitRef): boolean {
	if (u.role === 'system' || u.role === 'district_admin') return true;
	return can(u, 'file', 'plan_report', ownerOfUnit(unit));
}

/** A unit as the owner the access policy reads. */
export function ownerOfUnit(unit: UnitRef) {
	return unit.kind === 'department'
		? { townId: null, departmentId: unit.id }
		: { townId: unit.id, departmentId: null };
}

/** A record's unit from its two owner columns: the department when set, else the town. */
export function ownerOf(r: { townId: number | null; departmentId: number | null }): UnitRef | null {
	if (r.departmentId != null) return { kind: 'department', id: r.departmentId };
	if (r.townId != null) return { kind: 'town', id: r.townId };
	return null;
}
