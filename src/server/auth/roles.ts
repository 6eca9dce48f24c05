/**
 * Console roles and what each may reach. Routes declare the roles they admit (`access` in the route
 * config); commune officers are further limited to their own commune's checkpoints and devices.
 */
import { ROLES, type ConsoleUser, type Role } from '../../shared/console-api/answers';

export { ROLES, type ConsoleUser, type Role };

/** The roles a console route admits. */
export type Access = readonly Role[];

export const ADMIN_ONLY: Access = ['admin'];
/** District admins and commune officers (officers scoped to their commune). */
export const CHECKPOINT_STAFF: Access = ['admin', 'officer'];
export const ANY_USER: Access = ['admin', 'officer', 'tracer'];

/** True when a user may act on something that belongs to this commune. */
export function mayActInUnit(user: ConsoleUser, unitId: string): boolean {
  if (user.role === 'admin') return true;
  if (user.role === 'officer') return user.unitId === unitId;
  return false;
}

/** The commune a list must be limited to for this user, or null for the whole district. */
export function unitScope(user: ConsoleUser): string | null {
  return user.role === 'officer' ? user.unitId : null;
}
