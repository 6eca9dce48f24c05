/**
 * The people a visitor keeps on the phone: the owner ("self") and household members. Stored only here;
 * each profile's id is the stable visitorId of its personal QR.
 */
import type { Person } from '../../shared/protocol';
import { appDb, type ProfileRow } from './db';
import { withDbRetry } from './retry';

/** A household profile as the screens see it. */
export interface Profile {
  /** The visitorId printed in the personal QR. */
  id: string;
  person: Person;
  /** True for the phone owner's own profile. */
  self: boolean;
  createdAt: number;
}

function toProfile(row: ProfileRow): Profile {
  return { id: row.id, person: row.person, self: row.self, createdAt: row.createdAt };
}

/** Every profile: the owner first, then household members in the order they were added. */
export async function listProfiles(): Promise<Profile[]> {
  const rows = await withDbRetry(() => appDb().profiles.toArray());
  return rows.map(toProfile).sort((a, b) => Number(b.self) - Number(a.self) || a.createdAt - b.createdAt);
}

/** One profile by id. */
export async function getProfile(id: string): Promise<Profile | undefined> {
  const row = await withDbRetry(() => appDb().profiles.get(id));
  return row ? toProfile(row) : undefined;
}

/** Creates or updates a profile; saving a `self` profile makes every other profile a household member. */
export async function saveProfile(profile: Profile): Promise<void> {
  await withDbRetry(() =>
    appDb().transaction('rw', appDb().profiles, async () => {
      if (profile.self) {
        const others = await appDb()
          .profiles.filter((row) => row.self && row.id !== profile.id)
          .toArray();
        for (const row of others) await appDb().profiles.update(row.id, { self: false });
      }
      await appDb().profiles.put({
        id: profile.id,
        person: profile.person,
        self: profile.self,
        createdAt: profile.createdAt,
      });
    }),
  );
}

/** Removes a profile and all its declarations. */
export async function deleteProfile(id: string): Promise<void> {
  await withDbRetry(() =>
    appDb().transaction('rw', appDb().profiles, appDb().declarations, async () => {
      await appDb().profiles.delete(id);
      await appDb().declarations.where('[profileId+date]').between([id, ''], [id, '\uffff']).delete();
    }),
  );
}
