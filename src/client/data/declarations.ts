/**
 * Daily health declarations of the household profiles, one per profile and day, kept with the questionnaire version.
 */
import type { Declaration } from '../../shared/protocol';
import { appDb, type DeclarationRow } from './db';
import { withDbRetry } from './retry';

/** A stored declaration as the screens see it. */
export interface StoredDeclaration {
  profileId: string;
  declaration: Declaration;
  savedAt: number;
}

function toStored(row: DeclarationRow): StoredDeclaration {
  return { profileId: row.profileId, declaration: row.declaration, savedAt: row.savedAt };
}

/** Stores (or replaces) a profile's declaration for the day it carries. */
export async function saveDeclaration(profileId: string, declaration: Declaration, now = Date.now()): Promise<void> {
  await withDbRetry(() => appDb().declarations.put({ profileId, date: declaration.date, declaration, savedAt: now }));
}

/** A profile's most recent declaration, whatever its day. */
export async function latestDeclaration(profileId: string): Promise<StoredDeclaration | undefined> {
  const row = await withDbRetry(() =>
    appDb().declarations.where('[profileId+date]').between([profileId, ''], [profileId, '\uffff']).last(),
  );
  return row ? toStored(row) : undefined;
}

/** Deletes declarations of days before `beforeDate` (`YYYY-MM-DD`): a visitor's health answers are not kept forever. */
export async function purgeDeclarationsBefore(beforeDate: string): Promise<number> {
  return withDbRetry(() => appDb().declarations.where('date').below(beforeDate).delete());
}
