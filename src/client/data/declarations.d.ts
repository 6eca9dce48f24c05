/** Daily health declarations of the household profiles, one per profile and day, kept with the questionnaire version. */
import type { Declaration } from '../../shared/protocol';
/** A stored declaration as the screens see it. */
export interface StoredDeclaration {
    profileId: string;
    declaration: Declaration;
    savedAt: number;
}
/** Stores (or replaces) a profile's declaration for the day it carries. */
export declare function saveDeclaration(profileId: string, declaration: Declaration, now?: number): Promise<void>;
/** A profile's declaration of one day (`YYYY-MM-DD`), if made. */
export declare function getDeclaration(profileId: string, date: string): Promise<StoredDeclaration | undefined>;
/** A profile's most recent declaration, whatever its day. */
export declare function latestDeclaration(profileId: string): Promise<StoredDeclaration | undefined>;
/** Deletes declarations older than `beforeDate` (`YYYY-MM-DD`); returns how many. */
export declare function purgeDeclarationsBefore(beforeDate: string): Promise<number>;
