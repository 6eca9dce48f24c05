/**
 * Server strings of a queue carried by hand (issue 14): why an uploaded queue file was refused.
 * Vietnamese first, English second; the console shows the Vietnamese sentence.
 */
export const queueImportDict = {
  'queue.unreadable': {
    vi: 'Tệp không đọc được: không phải tệp dữ liệu chờ gửi của Trạm QR, hoặc đã bị hỏng khi chuyển.',
    en: 'The file cannot be read: it is not a Trạm QR queue file, or it was damaged in transit.',
  },
  'queue.unknown_device': {
    vi: 'Tệp đến từ một thiết bị mà huyện không biết; không lượt nào được nhận.',
    en: 'The file comes from a device the district does not know; nothing was accepted.',
  },
  'queue.no_device_key': {
    vi: 'Thiết bị xuất tệp chưa từng đăng ký khoá ký với máy chủ nên không xác minh được tệp; hãy để máy đó gửi trực tiếp khi có mạng.',
    en: 'The device that exported the file never registered its signing key, so the file cannot be verified; let that device send directly when it is online.',
  },
  'queue.altered': {
    vi: 'Tệp đã bị sửa sau khi xuất (chữ ký của thiết bị không khớp); không lượt nào trong phần này được nhận.',
    en: 'The file was changed after it was exported (the device signature does not match); nothing in this part was accepted.',
  },
  'queue.too_many': {
    vi: 'Thiết bị này đã gửi quá nhiều lượt trong thời gian ngắn; hãy tải tệp lên lại sau (không lượt nào bị trùng).',
    en: 'This device sent too many check-ins in a short time; upload the file again later (nothing will be doubled).',
  },
} as const satisfies Record<string, { vi: string; en: string }>;
