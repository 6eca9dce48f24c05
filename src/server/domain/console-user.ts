/** Console users and their roles: the domain types the users repository returns and routes check. */
export const ROLES = ['admin', 'officer', 'tracer'] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in console user as routes see it. */
export interface ConsoleUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The commune of a commune officer; null for district-wide roles. */
  unitId: string | null;
}
