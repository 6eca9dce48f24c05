/** The guard device's cached offline kit: checkpoint details, questionnaire and district settings. */
import type { DeviceConfigResponse, Questionnaire } from '../../shared/protocol';
export type DeviceConfig = Omit<DeviceConfigResponse, 'serverTime'> & {
    fetchedAt: number;
};
/** The last configuration the server sent, or null before the first fetch. */
export declare function getDeviceConfig(): Promise<DeviceConfig | null>;
/** Stores a fresh configuration from the server (and its questionnaire as the one in force). */
export declare function saveDeviceConfig(config: DeviceConfig): Promise<void>;
/** The questionnaire in force on this device: the last one received, else the built-in default. */
export declare function getQuestionnaire(): Promise<Questionnaire>;
/** Stores a questionnaire fetched from the public endpoint (visitor phones). */
export declare function saveQuestionnaire(questionnaire: Questionnaire): Promise<void>;
/** Records that the server refused this device as revoked (its queue stays; the guard screen says so). */
export declare function markDeviceRevoked(at: number): Promise<void>;
/** When the server last said this device is revoked, or null while it is not. */
export declare function getDeviceRevokedAt(): Promise<number | null>;
