/** Console strings for the trust flags of a trace (issue 11, part 2), Vietnamese first, English second. */
export const secDataConsoleDict = {
  'trace.flags': { vi: 'Lưu ý', en: 'Notes' },
  'trace.selfOnly': { vi: 'Chỉ tự khai (chưa xác minh)', en: 'Self-declared only (unverified)' },
  'trace.selfOnlyHint': {
    vi: 'Người này chỉ có lượt tự khai trên điện thoại của họ, không có người trực chốt xác nhận.',
    en: 'Only the person’s own phone check-ins place them here; no guard confirmed them.',
  },
  'trace.fromRevoked': { vi: 'Từ máy đã thu hồi', en: 'From a revoked device' },
  'trace.fromRevokedHint': {
    vi: 'Lượt này do một máy trực chốt gửi lên sau khi đã bị thu hồi (ghi trước lúc thu hồi).',
    en: 'Uploaded by a guard device after it was revoked (recorded before the revocation).',
  },
} as const satisfies Record<string, { vi: string; en: string }>;
