/**
 * Memberships (who works on which area, in which role) and the audit trail of an area. Both exist
 * only with Supabase: the embedded default has one user, no accounts and no team.
 */
import type { Client } from './supabase.ts';
import type { MemberRole } from '../contracts/enums.ts';
import { DataError, fromBackend, guarded } from './errors.ts';
import type { Tables } from './database.types.ts';
import { allPages, isoTime, jsonObject, oneOf } from './rows.ts';
import { checkUuid } from './validate.ts';
import { MEMBER_ROLES } from '../contracts/enums.ts';

export interface Membership {
	areaId: string;
	userId: string;
	role: MemberRole;
	createdAt: string;
}

export interface MembershipsRepository {
	/** The memberships this user may see (their own, and the teams of their areas). */
	list(areaId?: string): Promise<Membership[]>;
	/** Adds a member to an area (admins of the area only). */
	add(areaId: string, userId: string, role: MemberRole): Promise<Membership>;
	/** Removes a member's role from an area (admins of the area only). */
	remove(areaId: string, userId: string, role: MemberRole): Promise<void>;
}

export interface AuditEvent {
	id: number;
	areaId: string;
	entity: (typeof AUDIT_ENTITIES)[number];
	entityId: string;
	action: (typeof AUDIT_ACTIONS)[number];
	/** null when the change was made by the service role or the user was deleted. */
	actorId: string | null;
	changedAt: string;
	oldRow: Record<string, unknown> | null;
	newRow: Record<string, unknown> | null;
}

export interface AuditTrailRepository {
	/** The newest `limit` (1..1000) changes in an area, newest first (members of the area only). */
	listForArea(areaId: string, limit?: number): Promise<AuditEvent[]>;
}

/** What audit_events' CHECK constraints allow. */
const AUDIT_ENTITIES = ['curated_place', 'barrier_report'] as const;
const AUDIT_ACTIONS = ['insert', 'update', 'delete', 'status'] as const;

function checkRole(op: string, role: unknown): MemberRole {
	if (!(MEMBER_ROLES as readonly unknown[]).includes(role)) {
		throw new DataError(op, 'invalid', `role: unknown value ${JSON.stringify(role)}`);
	}
	return role as MemberRole;
}

const membership = (r: Omit<Tables<'memberships'>, 'created_by'>): Membership => ({
	areaId: r.area_id,
	userId: r.user_id,
	role: r.role,
	createdAt: isoTime(r.created_at),
});

export function membershipsFromSupabase(client: Client): MembershipsRepository {
	return guarded('memberships', {
		async list(areaId) {
			const op = 'memberships.list';
			const id = areaId === undefined ? undefined : checkUuid(op, 'areaId', areaId);
			const rows = await allPages<Omit<Tables<'memberships'>, 'created_by'>>(op, (from, to) => {
				let query = client.from('memberships').select('area_id, user_id, role, created_at');
				if (id !== undefined) query = query.eq('area_id', id);
				return query.order('area_id').order('role').order('user_id').range(from, to);
			});
			return rows.map(membership);
		},
		async add(areaId, userId, role) {
			const op = 'memberships.add';
			const { data, error } = await client
				.from('memberships')
				.insert({
					area_id: checkUuid(op, 'areaId', areaId),
					user_id: checkUuid(op, 'userId', userId),
					role: checkRole(op, role),
				})
				.select('area_id, user_id, role, created_at')
				.single();
			if (error) throw fromBackend(op, error);
			return membership(data);
		},
		async remove(areaId, userId, role) {
			const op = 'memberships.remove';
			const { data, error } = await client
				.from('memberships')
				.delete()
				.eq('area_id', checkUuid(op, 'areaId', areaId))
				.eq('user_id', checkUuid(op, 'userId', userId))
				.eq('role', checkRole(op, role))
				.select('role');
			if (error) throw fromBackend(op, error);
			if (data.length === 0)
				throw new DataError(op, 'not_found', 'no such membership that you may remove');
		},
	});
}

export function auditTrailFromSupabase(client: Client): AuditTrailRepository {
	return guarded('auditTrail', {
		async listForArea(areaId, limit = 100) {
			const op = 'auditTrail.listForArea';
			if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
				throw new DataError(op, 'invalid', `limit must be an integer in 1..1000, got ${limit}`);
			}
			const { data, error } = await client
				.from('audit_events')
				.select('id, area_id, entity, entity_id, action, actor_id, changed_at, old_row, new_row')
				.eq('area_id', checkUuid(op, 'areaId', areaId))
				.order('id', { ascending: false })
				.limit(limit);
			if (error) throw fromBackend(op, error);
			return data.map((r) => ({
				id: r.id,
				areaId: r.area_id,
				entity: oneOf(op, 'entity', r.entity, AUDIT_ENTITIES),
				entityId: r.entity_id,
				action: oneOf(op, 'action', r.action, AUDIT_ACTIONS),
				actorId: r.actor_id,
				changedAt: isoTime(r.changed_at),
				oldRow: r.old_row === null ? null : jsonObject(op, 'old_row', r.old_row),
				newRow: r.new_row === null ? null : jsonObject(op, 'new_row', r.new_row),
			}));
		},
	});
}
