/**
 * DOOR-WORDS' part of the app dictionary (device standing, guard confirmations, paper checks),
 * Vietnamese first, English second. Loaded with the screens that use it; adds itself to `t()`.
 */
import { addMessages } from './i18n';

export const wordsDict = {
  'standing.revokedTitle': { vi: 'Thiết bị đã bị thu hồi', en: 'This device was revoked' },
  'standing.closedTitle': { vi: 'Chốt đã đóng', en: 'Checkpoint closed' },
  'standing.closedBody': {
    vi: 'Huyện/xã đã đóng chốt này. Lượt đã ghi vẫn được gửi; hãy hỏi cán bộ trước khi tiếp tục ghi nhận.',
    en: 'The district closed this checkpoint. What was recorded is still sent; ask an officer before recording more.',
  },
  'standing.noNetworkTitle': { vi: 'Mất mạng', en: 'No network' },
  'standing.noNetworkBody': {
    vi: 'Máy không có mạng. Cứ quét bình thường: dữ liệu lưu trên máy và tự gửi khi có mạng.',
    en: 'This device has no network. Keep scanning: data is kept on the device and sent when the network returns.',
  },
  'standing.serverTitle': { vi: 'Không kết nối được máy chủ', en: 'Cannot reach the server' },
  'standing.serverBody': {
    vi: 'Máy vẫn có mạng nhưng máy chủ không trả lời. Cứ quét bình thường: dữ liệu lưu trên máy và sẽ tự gửi lại.',
    en: 'The device has a network but the server does not answer. Keep scanning: data is kept and sent again by itself.',
  },
  'standing.serverBusyTitle': { vi: 'Máy chủ đang bận', en: 'The server is busy' },
  'standing.serverErrorTitle': { vi: 'Máy chủ đang lỗi', en: 'The server has a fault' },
  'standing.serverErrorBody': {
    vi: 'Máy chủ trả lời lỗi; dữ liệu vẫn lưu trên máy và sẽ tự gửi lại.',
    en: 'The server answers with an error; data stays on the device and is sent again.',
  },
  'standing.queue': { vi: '{count} lượt đang chờ gửi trên máy.', en: '{count} check-ins are waiting on this device.' },
  'sync.revoked': { vi: 'Không gửi được: thiết bị đã bị thu hồi', en: 'Not sending: device revoked' },
  'sync.noNetwork': {
    vi: 'Mất mạng — cứ quét bình thường: dữ liệu lưu trên máy và tự gửi khi có mạng.',
    en: 'No network — keep scanning: data is kept on this device and sent when the network returns.',
  },
  'sync.serverUnreachable': {
    vi: 'Không kết nối được máy chủ — cứ quét bình thường: dữ liệu lưu trên máy và sẽ tự gửi lại.',
    en: 'Cannot reach the server — keep scanning: data is kept on this device and sent again by itself.',
  },
  'scan.savedRevoked': {
    vi: 'Chỉ lưu trên máy — thiết bị đã bị thu hồi, máy chủ sẽ không nhận',
    en: 'Kept on this device only — the device was revoked, the server will not take it',
  },
  'paper.futureTime': {
    vi: 'Giờ ở tương lai: {time} ngày {date} chưa đến (bây giờ là {now}). Hãy xem lại ngày và giờ ghi trên phiếu.',
    en: 'A time in the future: {time} on {date} has not come yet (it is {now} now). Check the date and time on the sheet.',
  },
  'paper.outBeforeIn': {
    vi: 'Giờ ra ({out}) sớm hơn giờ vào ({in}). Hãy xem lại phiếu.',
    en: 'Time out ({out}) is before time in ({in}). Check the sheet.',
  },
  'paper.duplicate': {
    vi: 'Phiếu {sheet} dòng {row} đã được nhập lúc {time} ({name}). Không nhập lại lần nữa — trừ khi đây là bản sửa cho dòng đó.',
    en: 'Sheet {sheet} row {row} was already typed at {time} ({name}). It is not saved twice — unless this corrects that row.',
  },
  'paper.isCorrection': { vi: 'Đây là bản sửa, lưu lại', en: 'This is a correction, save it' },
  'paper.notCorrection': { vi: 'Không, để tôi sửa số phiếu/dòng', en: 'No, let me fix the sheet/row' },
  'paper.corrected': {
    vi: 'Đã lưu bản sửa của phiếu {sheet} dòng {row}',
    en: 'Saved the correction of sheet {sheet} row {row}',
  },
  'companions.savedWith': {
    vi: 'Đã ghi nhận {count} người đi cùng {name}: {names}',
    en: '{count} companions of {name} checked in: {names}',
  },
  'today.checkOutOne': { vi: 'Ghi RA', en: 'Check out' },
  'today.checkedOutOne': { vi: 'Đã ghi nhận RA cho {name} lúc {time}', en: '{name} checked out at {time}' },
  // Today's list marks an arrival that declared a risk in words, not colour only.
  'today.risk.symptom': { vi: 'Có triệu chứng', en: 'Symptoms' },
  'today.risk.exposure': { vi: 'Có yếu tố dịch tễ', en: 'Exposure' },
  'today.risk.both': { vi: 'Có triệu chứng, yếu tố dịch tễ', en: 'Symptoms, exposure' },
  'visitor.delete.home': { vi: 'Về trang đầu', en: 'Back to the start' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type WordsKey = keyof typeof wordsDict;

addMessages(wordsDict);
