/** A queue carried by hand, uploaded in the console (issue 14). Vietnamese first, English second. */
export const queueConsoleDict = {
  'queue.title': { vi: 'Tải lên dữ liệu mang tay', en: 'Upload a carried queue' },
  'queue.hint': {
    vi: 'Chốt mất mạng nhiều ngày có thể “Xuất dữ liệu chờ gửi” ra một tệp và nhờ người mang đến. Chọn tệp ở đây: máy chủ kiểm tra chữ ký của thiết bị rồi nhận từng lượt một lần; tải lên lại hoặc máy chốt gửi sau cũng không bị trùng.',
    en: 'A checkpoint without network for days can “Export the waiting check-ins” to a file for somebody to carry. Choose the file here: the server checks the device signature and takes each check-in once; uploading again, or the checkpoint device sending later, doubles nothing.',
  },
  'queue.choose': { vi: 'Chọn tệp dữ liệu chờ gửi (.json)', en: 'Choose the queue file (.json)' },
  'queue.working': { vi: 'Đang tải lên phần {part}/{parts}…', en: 'Uploading part {part} of {parts}…' },
  'queue.notAFile': {
    vi: 'Tệp không đọc được: không phải tệp dữ liệu chờ gửi của Trạm QR, hoặc đã bị hỏng khi chuyển.',
    en: 'The file cannot be read: it is not a Trạm QR queue file, or it was damaged in transit.',
  },
  'queue.result': {
    vi: 'Chốt {checkpoint}: nhận mới {accepted} lượt, {duplicate} lượt đã có trước, {rejected} lượt bị từ chối.',
    en: 'Checkpoint {checkpoint}: {accepted} check-ins taken, {duplicate} already there, {rejected} refused.',
  },
  'queue.unanswered': {
    vi: 'Còn {count} lượt chưa được nhận vì thiết bị gửi quá nhiều trong thời gian ngắn; hãy tải tệp lên lại sau.',
    en: '{count} check-ins were not taken yet because the device sent too many in a short time; upload the file again later.',
  },
  'queue.refusedPart': { vi: 'Phần {part}: {message}', en: 'Part {part}: {message}' },
  'queue.rejectedList': { vi: 'Lượt bị từ chối và lý do', en: 'Refused check-ins and why' },
} as const satisfies Record<string, { vi: string; en: string }>;
