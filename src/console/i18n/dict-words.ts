/** DOOR-WORDS' part of the console dictionary (access, audit log in words, CSV names), Vietnamese first. */
export const wordsDict = {
  'words.notForYou': { vi: 'Trang này không dành cho tài khoản của bạn.', en: 'This page is not for your account.' },
  'words.backHome': { vi: 'Về trang đầu', en: 'Back to the start page' },
  'words.deviceName': { vi: 'Tên máy (không bắt buộc)', en: 'Device name (optional)' },
  'words.deviceNameHint': { vi: 'vd. Máy cổng chính — để trống: "Máy 2 – tên chốt"', en: 'e.g. Main gate phone — empty: "Máy 2 – checkpoint name"' },
  'words.copyLink': { vi: 'Sao chép đường dẫn', en: 'Copy the link' },
  'words.shareLink': { vi: 'Gửi đường dẫn (Zalo, tin nhắn…)', en: 'Share the link' },
  'words.copied': { vi: 'Đã sao chép — dán vào tin nhắn gửi người trực chốt.', en: 'Copied — paste it into a message to the guard.' },
  'words.qKey': { vi: 'Mã: {id}', en: 'Key: {id}' },
  'words.qKeyAuto': { vi: 'Mã sẽ được tạo tự động từ câu hỏi khi lưu.', en: 'The key is made from the question when saved.' },
  'words.group.symptoms': { vi: 'Triệu chứng', en: 'Symptoms' },
  'words.group.exposure': { vi: 'Tiếp xúc, vùng dịch', en: 'Exposure' },
  'words.group.travel': { vi: 'Đi lại', en: 'Travel' },
  'words.group.vaccination': { vi: 'Tiêm chủng', en: 'Vaccination' },
  'words.group.test': { vi: 'Xét nghiệm', en: 'Test' },
  'words.group.other': { vi: 'Khác', en: 'Other' },
  'words.group.consent': { vi: 'Cam kết (luôn ở cuối)', en: 'Pledge (always last)' },
} as const satisfies Record<string, { vi: string; en: string }>;
