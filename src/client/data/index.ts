/** The device data layer's public face: domain functions only, no rows. */
export {
  saveCheckIn,
  saveCheckIns,
  pendingCount,
  readPendingBatch,
  applyPushResults,
  listNeedsAttention,
  listSince,
  getCheckIn,
  purgeSyncedBefore,
  purgeOldNames,
  recordAtomically,
} from './checkins';
export type { LocalCheckIn, ViewCheckIn, AtomicDecision } from './checkins';
export {
  getMatchKey,
  matchKeysOf,
  paperKeyOf,
  getDeviceKey,
  ensureDeviceKey,
  markDeviceKeyRegistered,
  getDistrictKey,
  saveDistrictKey,
} from './device-secrets';
export { currentEpoch, recordEpochOffset, hasEpochAnchor } from './clock-epochs';
export { rememberPhone, rememberedPhone } from './day-phones';
export {
  getEnrolment,
  saveEnrolment,
  getSyncStatus,
  recordSyncSuccess,
  recordSyncFailure,
  getVisitorRegistration,
  saveVisitorRegistration,
  getPushToken,
} from './meta';
export type { Enrolment, SyncErrorCode } from './meta';
export { appDb, useDatabase, AppDb, localDayOf } from './db';
export { observe } from './observe';
export {
  getDeviceConfig,
  saveDeviceConfig,
  getQuestionnaire,
  saveQuestionnaire,
  markDeviceRevoked,
  getDeviceRevokedAt,
} from './device-config';
export { onStorageFailure, probeStorage } from './storage-failure';
export type { StorageFailure } from './storage-failure';
export type { DeviceConfig } from './device-config';
export { storageStatus, requestPersistentStorage, storageNearlyFull } from './storage';
export type { StorageStatus } from './storage';
export { listProfiles, getProfile, saveProfile, deleteProfile } from './profiles';
export type { Profile } from './profiles';
export { saveDeclaration, latestDeclaration, purgeDeclarationsBefore } from './declarations';
export type { StoredDeclaration } from './declarations';
export { getPosterKey, savePosterKey, listSelfCheckIns, pendingSelfCount, deleteVisitorData } from './visitor';
export { getRiskPolicy, saveRiskPolicy } from './risk-policy';
export { wipeDevice, getDeviceWipedAt } from './wipe';
