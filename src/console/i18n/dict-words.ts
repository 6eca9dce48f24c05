/** DOOR-WORDS' part of the console dictionary (access, audit log in words, CSV names), Vietnamese first. */
export const wordsDict = {
  'words.notForYou': { vi: 'Trang này không dành cho tài khoản của bạn.', en: 'This page is not for your account.' },
  'words.backHome': { vi: 'Về trang đầu', en: 'Back to the start page' },
} as const satisfies Record<string, { vi: string; en: string }>;
