/**
 * The people a visitor keeps on the phone: the owner ("self") and household members. Stored only here;
 * each profile's id is the stable visitorId of its personal QR.
 */
import type { Person } from '../../shared/protocol';
/** A household profile as the screens see it. */
export interface Profile {
    /** The visitorId printed in the personal QR. */
    id: string;
    person: Person;
    /** True for the phone owner's own profile. */
    self: boolean;
    createdAt: number;
}
/** Every profile: the owner first, then household members in the order they were added. */
export declare function listProfiles(): Promise<Profile[]>;
/** One profile by id. */
export declare function getProfile(id: string): Promise<Profile | undefined>;
/** Creates or updates a profile; saving a `self` profile makes every other profile a household member. */
export declare function saveProfile(profile: Profile): Promise<void>;
/** Removes a profile and all its declarations. */
export declare function deleteProfile(id: string): Promise<void>;
