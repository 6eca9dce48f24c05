/**
 * Server strings of ingest limits and trace flags (issue 11, part 2), Vietnamese first, English second.
 * Reasons go back to devices as `code: Vietnamese text`; export labels are Vietnamese (the exports are).
 */
export const secDataDict = {
  'reason.claimed_in_future': {
    vi: 'giờ ghi nhận muộn hơn giờ máy chủ nhận quá 10 phút; hãy kiểm tra đồng hồ của máy',
    en: 'claims a time more than 10 minutes after the server received it; check the device clock',
  },
  'reason.self_claimed_too_old': {
    vi: 'lượt tự khai được gửi lên quá 72 giờ sau giờ ghi nhận nên không được nhận',
    en: 'a self check-in must reach the server within 72 hours of the time it claims',
  },
  'reason.claimed_too_old': {
    vi: 'lượt quét được gửi lên quá 14 ngày sau giờ ghi nhận nên không được nhận',
    en: 'a check-in must reach the server within 14 days of the time it claims',
  },
  'reason.device_revoked': {
    vi: 'ghi nhận sau khi máy đã bị thu hồi',
    en: 'recorded after this device was revoked',
  },
  'reason.device_revoked_grace_over': {
    vi: 'máy đã bị thu hồi quá 72 giờ; không nhận thêm dữ liệu từ máy này',
    en: 'this device was revoked more than 72 hours ago; nothing more is accepted from it',
  },
  'reason.device_revoked_limit': {
    vi: 'máy đã bị thu hồi và đã gửi đủ 2.000 lượt được phép sau thu hồi',
    en: 'this revoked device has already uploaded the 2,000 items allowed after revocation',
  },
  'reason.stale_door_code': {
    vi: 'mã trên màn hình cửa đã hết hạn khi máy chủ nhận lượt này (mã chỉ dùng được vài phút)',
    en: 'the door-screen code had expired when the server received this check-in (it is valid for a few minutes)',
  },
  'error.store_unavailable': {
    vi: 'Máy chủ tạm thời chưa lưu được dữ liệu; không mất lượt nào, máy sẽ tự gửi lại sau (tải tệp lên thì thử lại sau ít phút).',
    en: 'The server cannot store data for a moment; nothing is lost, the device will send again later (for an uploaded file, try again in a few minutes).',
  },
  'error.too_many_items': {
    vi: 'Máy này gửi quá nhiều lượt trong thời gian ngắn; máy sẽ tự gửi lại sau.',
    en: 'This device sent too many check-ins in a short time; it will send again later.',
  },
  'error.too_many_registrations': {
    vi: 'Quá nhiều điện thoại đăng ký từ mạng này gần đây; hãy thử lại sau.',
    en: 'Too many phones registered from this network recently; try again later.',
  },
  'export.unverified': { vi: 'Chỉ tự khai (chưa xác minh)', en: 'Self-declared only (unverified)' },
  'export.unverifiedHeader': { vi: 'Xác minh', en: 'Verification' },
  'export.fromRevoked': { vi: 'Có lượt từ máy đã thu hồi', en: 'Includes check-ins from a revoked device' },
  'export.fromRevokedHeader': { vi: 'Máy đã thu hồi', en: 'Revoked device' },
  'export.yes': { vi: 'Có', en: 'Yes' },
  'export.no': { vi: 'Không', en: 'No' },
  'export.titleF1': { vi: 'Danh sách F1', en: 'F1 list' },
  'export.titleF2': { vi: 'Danh sách F2', en: 'F2 list' },
  'export.titleZone': { vi: 'Vùng khoanh', en: 'Narrow zone' },
  'export.titleTimeline': { vi: 'Lịch trình', en: 'Timeline' },
  'export.ofCase': { vi: 'của ca', en: 'of the case' },
  'export.buffer': { vi: 'khoảng đệm', en: 'buffer' },
  'export.minutes': { vi: 'phút', en: 'minutes' },
  'export.fileUntil': { vi: 'den', en: 'to' },
} as const;
