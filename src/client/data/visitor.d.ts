import { type LocalCheckIn } from './checkins';
/** The server's poster public key (base64url) last cached, or null before the first online start. */
export declare function getPosterKey(): Promise<string | null>;
/** Caches the server's poster public key. */
export declare function savePosterKey(publicKey: string): Promise<void>;
/** This phone's own check-ins and check-outs (source 'self'), newest first, at most `limit`. */
export declare function listSelfCheckIns(limit?: number): Promise<LocalCheckIn[]>;
/** How many of this phone's own check-ins have not reached the server yet. */
export declare function pendingSelfCount(): Promise<number>;
/**
 * Deletes every visitor's data on this phone: profiles, declarations, own check-ins (sent or not),
 * the anonymous registration and the cached poster key. A guard enrolment and guard scans stay.
 */
export declare function deleteVisitorData(): Promise<void>;
