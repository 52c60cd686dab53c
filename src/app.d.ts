import type { Session } from '$lib/server/db/schema';
import type { SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Error {
			message: string;
			id?: string;
		}
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** Sent back as `x-request-id` and written on every log line of the request. */
			requestId?: string;
		}
	}
}

export {};
