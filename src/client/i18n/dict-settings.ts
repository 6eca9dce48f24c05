/**
 * The settings screen's part of the app dictionary, Vietnamese first, English second. It ships with the
 * lazily loaded settings chunk and adds itself to `t()` when loaded.
 */
import { addMessages } from './i18n';

export const settingsDict = {
  'settings.title': { vi: 'Cài đặt và tình trạng máy', en: 'Settings and device status' },
  'settings.back': { vi: 'Quay lại', en: 'Back' },
  'settings.storage': { vi: 'Bộ nhớ đã dùng', en: 'Storage used' },
  'settings.storageOf': { vi: '{used} trên {quota} ({percent} %)', en: '{used} of {quota} ({percent} %)' },
  'settings.storageUnknown': { vi: 'Trình duyệt không cho biết', en: 'The browser does not say' },
  'settings.storageFull': {
    vi: 'Bộ nhớ sắp đầy! Hãy gửi dữ liệu lên máy chủ và xoá bớt ứng dụng, ảnh hoặc video không cần thiết.',
    en: 'Storage is nearly full! Send the data to the server and remove apps, photos or videos you do not need.',
  },
  'settings.persisted': { vi: 'Lưu trữ lâu dài', en: 'Persistent storage' },
  'settings.persistedYes': {
    vi: 'Đã được cấp: trình duyệt không tự xoá dữ liệu của ứng dụng.',
    en: 'Granted: the browser will not clear the app’s data by itself.',
  },
  'settings.persistedNo': {
    vi: 'Chưa được cấp: trình duyệt có thể xoá dữ liệu khi máy thiếu bộ nhớ.',
    en: 'Not granted: the browser may clear the data when the device runs short of space.',
  },
  'settings.persistedUnknown': { vi: 'Trình duyệt này không hỗ trợ.', en: 'Not supported by this browser.' },
  'settings.persistAsk': { vi: 'Yêu cầu lưu trữ lâu dài', en: 'Ask for persistent storage' },
  'settings.version': { vi: 'Phiên bản ứng dụng', en: 'App version' },
  'settings.enrolment': { vi: 'Đăng ký thiết bị', en: 'Device enrolment' },
  'settings.enrolledAt': {
    vi: '{checkpoint} ({code}) — mã thiết bị {device}, đăng ký lúc {time}',
    en: '{checkpoint} ({code}) — device {device}, enrolled {time}',
  },
  'settings.notEnrolled': { vi: 'Không phải thiết bị trực chốt.', en: 'Not a guard device.' },
  'settings.lastSync': { vi: 'Lần gửi gần nhất', en: 'Last sync' },
  'settings.never': { vi: 'Chưa gửi lần nào', en: 'Never' },
  'settings.pending': { vi: 'Chờ gửi: {count}', en: 'Waiting to send: {count}' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type SettingsKey = keyof typeof settingsDict;

addMessages(settingsDict);
