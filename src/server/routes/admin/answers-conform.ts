/**
 * Compile-time proof that what the server builds for the console matches the shared console contract
 * (src/shared/console-api/): if a server answer type drifts from the shared one, `tsc -b` fails here.
 * Nothing imports this module; it holds only types.
 */
import type * as Shared from '../../../shared/console-api';
import type { AdministrativeUnit } from '../../domain/types';
import type { UserSummary } from '../../db/users-repo';
import type { Dashboard } from '../../dashboard/dashboard-service';
import type { PersonRecord } from '../../tracing/tracing-repo';

/** True when A and B are assignable both ways (the same shape). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type AnswersConform = [
  Assert<Same<UserSummary, Shared.AccountSummary>>,
  Assert<Same<AdministrativeUnit, Shared.ConsoleUnit>>,
  Assert<Same<Dashboard, Shared.ConsoleDashboard>>,
  Assert<Same<PersonRecord & { groupKey: string; mergedKeys: string[] }, Shared.PersonRecord>>,
];
