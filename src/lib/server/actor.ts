import type { SessionUser } from './auth/session';

/** Who performs a write: a signed-in user, or the system itself (first start, seeding, CLI). */
export type Actor =
	SessionUser | { id: null; username: string; displayName: string; role: 'system' };

export const SYSTEM: Actor = { id: null, username: 'system', displayName: '系统', role: 'system' };
