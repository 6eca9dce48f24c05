/**
 * The visitor screens' part of the app dictionary, Vietnamese first, English second. It ships with the
 * lazily loaded visitor chunk (keeping the first screen small) and adds itself to `t()` when loaded.
 */
import { addMessages } from './i18n';

export const visitorDict = {
  'visitor.me': { vi: 'Tôi', en: 'Me' },
  'visitor.edit': { vi: 'Sửa', en: 'Edit' },
  'visitor.back': { vi: 'Quay lại', en: 'Back' },
  'visitor.home': { vi: 'Trang chính', en: 'Home' },
  'visitor.close': { vi: 'Đóng', en: 'Close' },
  'visitor.cancel': { vi: 'Hủy', en: 'Cancel' },
  'visitor.household': { vi: 'Người trong gia đình', en: 'Household' },
  'visitor.born': { vi: 'Sinh năm {year}', en: 'Born {year}' },
  'visitor.unknownProfile': {
    vi: 'Không tìm thấy người này trên điện thoại.',
    en: 'This person is not on this phone.',
  },
  'visitor.cameraUnavailable': {
    vi: 'Không mở được camera. Hãy dùng ứng dụng camera của điện thoại để quét.',
    en: 'The camera could not be opened. Use the phone’s camera app to scan.',
  },

  'visitor.declaredToday': { vi: 'Đã khai báo y tế hôm nay', en: 'Health declaration done today' },
  'visitor.noDeclaration': { vi: 'Chưa khai báo y tế hôm nay', en: 'No health declaration today' },
  'visitor.declarationOld': {
    vi: 'Khai báo gần nhất ngày {date} — cần khai lại hôm nay',
    en: 'Last declared on {date} — declare again today',
  },
  'visitor.declarationNewVersion': {
    vi: 'Tờ khai đã được cập nhật — cần khai lại',
    en: 'The questionnaire changed — declare again',
  },
  'visitor.declare': { vi: 'Khai báo y tế', en: 'Declare health' },
  'visitor.redeclare': { vi: 'Khai lại', en: 'Declare again' },
  'visitor.showQr': { vi: 'Hiện mã QR', en: 'Show QR' },
  'visitor.scanPoster': { vi: 'Quét mã QR của chốt', en: 'Scan the checkpoint QR' },
  'visitor.myVisits': { vi: 'Lịch sử ra vào', en: 'My visits' },
  'visitor.addMember': {
    vi: '+ Thêm người trong gia đình (con, bố mẹ…)',
    en: '+ Add a household member (child, parent…)',
  },
  'visitor.removeMember': { vi: 'Xóa người này khỏi điện thoại', en: 'Remove this person from the phone' },
  'visitor.removeConfirm': { vi: 'Bấm lần nữa để xóa {name}', en: 'Tap again to remove {name}' },
  'visitor.privacyLink': { vi: 'Quyền riêng tư và xóa dữ liệu', en: 'Privacy and deleting your data' },

  'visitor.form.selfTitle': { vi: 'Thông tin của bạn', en: 'Your details' },
  'visitor.form.memberTitle': { vi: 'Thêm người trong gia đình', en: 'Add a household member' },
  'visitor.form.editTitle': { vi: 'Sửa thông tin', en: 'Edit details' },
  'visitor.form.scanCard': {
    vi: 'Quét mã QR trên thẻ CCCD để điền nhanh',
    en: 'Scan the QR on the ID card to fill in',
  },
  'visitor.form.scanHint': {
    vi: 'Đưa mã QR ở mặt sau thẻ CCCD gắn chip vào khung hình.',
    en: 'Hold the QR code on the chip ID card in the frame.',
  },
  'visitor.form.notCard': { vi: 'Đây không phải mã QR của thẻ CCCD.', en: 'This is not a citizen ID card QR.' },
  'visitor.form.prefilled': {
    vi: 'Đã điền từ thẻ CCCD. Hãy kiểm tra rồi bấm Lưu.',
    en: 'Filled in from the ID card. Check it, then tap Save.',
  },
  'visitor.form.name': { vi: 'Họ và tên (bắt buộc)', en: 'Full name (required)' },
  'visitor.form.birth': {
    vi: 'Năm sinh hoặc ngày sinh (ngày/tháng/năm)',
    en: 'Year or date of birth (day/month/year)',
  },
  'visitor.form.gender': { vi: 'Giới tính', en: 'Gender' },
  'visitor.form.male': { vi: 'Nam', en: 'Male' },
  'visitor.form.female': { vi: 'Nữ', en: 'Female' },
  'visitor.form.other': { vi: 'Khác', en: 'Other' },
  'visitor.form.phone': { vi: 'Số điện thoại', en: 'Phone' },
  'visitor.form.idNumber': { vi: 'Số CCCD / CMND / hộ chiếu', en: 'ID / passport number' },
  'visitor.form.address': {
    vi: 'Địa chỉ (thôn/xóm, xã, huyện, tỉnh)',
    en: 'Address (hamlet, commune, district, province)',
  },
  'visitor.form.onlyHere': {
    vi: 'Thông tin chỉ lưu trên điện thoại này. Chỉ gửi lên máy chủ khi bạn vào một chốt.',
    en: 'Kept only on this phone. Sent to the server only when you check in at a checkpoint.',
  },
  'visitor.form.save': { vi: 'Lưu', en: 'Save' },
  'visitor.form.nameRequired': { vi: 'Cần nhập họ và tên.', en: 'Enter the full name.' },
  'visitor.form.birthInvalid': {
    vi: 'Nhập năm sinh (ví dụ 1987) hoặc ngày sinh (ví dụ 05/03/1987).',
    en: 'Enter a birth year (e.g. 1987) or date (e.g. 05/03/1987).',
  },
  'visitor.form.phoneInvalid': { vi: 'Số điện thoại chỉ gồm chữ số.', en: 'The phone number may only contain digits.' },
  'visitor.form.idInvalid': {
    vi: 'Số CCCD có 12 chữ số (CMND cũ: 9 chữ số); số hộ chiếu gồm 6–9 chữ cái không dấu và chữ số, ví dụ C1234567.',
    en: 'A CCCD number has 12 digits (an old CMND: 9); a passport number 6–9 letters (no accents) and digits, e.g. C1234567.',
  },

  'visitor.declare.title': { vi: 'Khai báo y tế: {name}', en: 'Health declaration: {name}' },
  'visitor.declare.hint': {
    vi: 'Tờ khai của huyện (phiên bản {version}). Đánh dấu những mục CÓ trong 14 ngày qua.',
    en: 'The district’s form (version {version}). Tick what applies in the last 14 days.',
  },
  'visitor.declare.consentRequired': {
    vi: 'Cần đánh dấu cam kết thông tin là đúng sự thật.',
    en: 'Tick the line confirming the information is true.',
  },
  'visitor.declare.alsoFor': { vi: 'Khai giống hệt cho:', en: 'Same answers for:' },
  'visitor.declare.save': { vi: 'Gửi khai báo', en: 'Save declaration' },
  'visitor.group.travel': { vi: 'Đi lại', en: 'Travel' },
  'visitor.group.symptoms': { vi: 'Triệu chứng trong 14 ngày qua', en: 'Symptoms in the last 14 days' },
  'visitor.group.exposure': { vi: 'Tiếp xúc trong 14 ngày qua', en: 'Exposure in the last 14 days' },
  'visitor.group.vaccination': { vi: 'Tiêm vắc-xin', en: 'Vaccination' },
  'visitor.group.test': { vi: 'Xét nghiệm', en: 'Testing' },
  'visitor.group.consent': { vi: 'Cam kết', en: 'Declaration' },

  'visitor.qrLabel': { vi: 'Mã QR cá nhân của {name}', en: 'Personal QR code of {name}' },
  'visitor.qrDeclared': { vi: 'Đã khai báo y tế ngày {date}', en: 'Health declaration of {date}' },
  'visitor.qrNotDeclared': {
    vi: 'Mã này KHÔNG có khai báo y tế hôm nay.',
    en: 'This code has NO health declaration for today.',
  },
  'visitor.brightness': {
    vi: 'Tăng độ sáng màn hình để máy quét đọc nhanh hơn.',
    en: 'Turn the screen brightness up so the scanner reads it faster.',
  },
  'visitor.printCard': {
    vi: 'In thẻ QR cho người không có điện thoại',
    en: 'Print a QR card for someone without a phone',
  },
  'visitor.print': { vi: 'In', en: 'Print' },
  'visitor.cardHint': {
    vi: 'Thẻ khổ A6. In ra, cắt theo viền và đưa cho người thân.',
    en: 'A6 card. Print, cut along the border and give it to your relative.',
  },
  'visitor.cardNote': {
    vi: 'Đưa thẻ này cho người trực chốt quét. Khai báo y tế tại chốt.',
    en: 'Show this card to the checkpoint guard. Health questions are asked at the door.',
  },

  'visitor.checkin.title': { vi: 'Vào chốt', en: 'Check in' },
  'visitor.checkin.at': { vi: 'Bạn đang ở chốt:', en: 'You are at:' },
  'visitor.checkin.verified': {
    vi: 'Mã chốt {code} hợp lệ (đã kiểm tra chữ ký).',
    en: 'Checkpoint {code} verified (signature checked).',
  },
  'visitor.checkin.who': { vi: 'Ai vào chốt?', en: 'Who is checking in?' },
  'visitor.checkin.button': { vi: 'Ghi nhận vào ({count} người)', en: 'Check in ({count})' },
  'visitor.checkin.done': { vi: 'Đã ghi nhận {count} người vào lúc {time}', en: '{count} checked in at {time}' },
  'visitor.checkin.saveFailed': {
    vi: 'Không lưu được trên điện thoại. Hãy đưa mã QR cá nhân cho người trực chốt.',
    en: 'Could not save on this phone. Show your personal QR to the guard.',
  },
  'visitor.poster.not_poster': {
    vi: 'Đường dẫn này không phải mã QR của chốt kiểm soát.',
    en: 'This link is not a checkpoint code.',
  },
  'visitor.poster.no_key': {
    vi: 'Cần mở ứng dụng một lần khi có mạng trước khi tự quét mã chốt.',
    en: 'Open the app once with a network before scanning a checkpoint yourself.',
  },
  'visitor.poster.forged': {
    vi: 'Mã QR của chốt không hợp lệ (bị sửa hoặc giả mạo). Không ghi nhận gì. Hãy báo người trực chốt.',
    en: 'This checkpoint code is not valid (altered or forged). Nothing was recorded. Tell the guard.',
  },
  'visitor.poster.expired': {
    vi: 'Mã QR trên màn hình của chốt đã hết hạn. Hãy quét lại mã đang hiển thị.',
    en: 'The checkpoint screen code has expired. Scan the code shown now.',
  },
  'visitor.pending': {
    vi: 'Chờ gửi: {count} — sẽ tự gửi khi có mạng',
    en: 'Waiting to send: {count} — sent when the network returns',
  },
  'visitor.allSent': { vi: 'Đã gửi lên máy chủ của huyện', en: 'Sent to the district server' },

  'visitor.scan.hint': {
    vi: 'Đưa mã QR dán ở cửa chốt vào khung hình.',
    en: 'Hold the checkpoint’s poster QR in the frame.',
  },
  'visitor.scan.notPoster': {
    vi: 'Đây không phải mã QR của chốt. Hãy quét mã dán ở cửa.',
    en: 'This is not a checkpoint code. Scan the poster at the door.',
  },

  'visitor.visits.none': { vi: 'Chưa có lượt vào chốt nào trên điện thoại này.', en: 'No visits on this phone yet.' },
  'visitor.visits.defaultStay': {
    vi: 'Nếu quên bấm “Ra”, lượt vào tự kết thúc sau {minutes} phút. Không có nhắc nhở.',
    en: 'If you forget to check out, a visit ends by itself after {minutes} minutes. No reminders.',
  },
  'visitor.visits.inside': { vi: 'Đang ở trong', en: 'Inside' },
  'visitor.visits.left': { vi: 'Ra lúc {time}', en: 'Left at {time}' },
  'visitor.visits.endedDefault': { vi: 'Đã tự kết thúc', en: 'Ended by default' },
  'visitor.visits.checkOut': { vi: 'Ra khỏi chốt', en: 'Check out' },
  'visitor.visits.status.pending': { vi: 'chưa gửi', en: 'not sent yet' },
  'visitor.visits.status.synced': { vi: 'đã gửi', en: 'sent' },
  'visitor.visits.status.rejected': { vi: 'máy chủ từ chối', en: 'refused by the server' },

  'visitor.install.why': {
    vi: 'Cài ứng dụng để dùng khi không có mạng và không bị mất dữ liệu.',
    en: 'Install the app to use it offline and keep your data.',
  },
  'visitor.install.button': { vi: 'Cài vào màn hình chính', en: 'Install on the home screen' },
  'visitor.install.menu': {
    vi: 'Mẹo: mở menu trình duyệt và chọn “Cài đặt ứng dụng” hoặc “Thêm vào màn hình chính” để dùng khi không có mạng.',
    en: 'Tip: open the browser menu and choose “Install app” or “Add to Home screen” to use it offline.',
  },
  'visitor.ios.title': { vi: 'Cài trên iPhone', en: 'Install on iPhone' },
  'visitor.ios.why': {
    vi: 'Nếu không thêm vào màn hình chính, Safari sẽ xóa dữ liệu sau 7 ngày không dùng.',
    en: 'Unless added to the home screen, Safari deletes the data after 7 days without use.',
  },
  'visitor.ios.picture': {
    vi: 'Hình minh họa: nút Chia sẻ ở thanh dưới của Safari, rồi mục Thêm vào MH chính',
    en: 'Picture: the Share button in Safari’s bottom bar, then Add to Home Screen',
  },
  'visitor.ios.step1': {
    vi: 'Mở trang này bằng Safari và bấm nút Chia sẻ (ô vuông có mũi tên lên).',
    en: 'Open this page in Safari and tap Share (the square with an up arrow).',
  },
  'visitor.ios.step2': {
    vi: 'Kéo xuống, chọn “Thêm vào MH chính”.',
    en: 'Scroll down and choose “Add to Home Screen”.',
  },
  'visitor.ios.step3': {
    vi: 'Bấm “Thêm”, rồi luôn mở ứng dụng từ biểu tượng Trạm QR.',
    en: 'Tap “Add”, then always open the app from the Trạm QR icon.',
  },
  'visitor.storage.persisted': {
    vi: 'Trình duyệt đã cam kết giữ dữ liệu của ứng dụng.',
    en: 'The browser promised to keep this app’s data.',
  },
  'visitor.storage.notPersisted': {
    vi: 'Trình duyệt có thể xóa dữ liệu khi máy đầy bộ nhớ. Hãy cài ứng dụng vào màn hình chính.',
    en: 'The browser may delete data when storage runs low. Install the app on the home screen.',
  },

  'visitor.privacy.title': { vi: 'Quyền riêng tư', en: 'Privacy' },
  'visitor.privacy.phoneTitle': { vi: 'Trên điện thoại này', en: 'On this phone' },
  'visitor.privacy.phone': {
    vi: 'Thông tin cá nhân của bạn và người nhà, các tờ khai y tế và lịch sử ra vào chỉ lưu trong trình duyệt của điện thoại này. Không có tài khoản, không cần số điện thoại.',
    en: 'Your and your household’s details, health declarations and visit history are stored only in this phone’s browser. No account, no phone number needed.',
  },
  'visitor.privacy.serverTitle': { vi: 'Gửi lên máy chủ của huyện', en: 'Sent to the district server' },
  'visitor.privacy.server': {
    vi: 'Chỉ khi bạn vào một chốt: họ tên và các thông tin bạn đã nhập, tờ khai y tế hôm đó, chốt và thời gian vào/ra. Điện thoại được cấp một mã ẩn danh để gửi; máy chủ lưu một dấu vết rút gọn của địa chỉ mạng để chống lạm dụng.',
    en: 'Only when you check in: the name and details you entered, that day’s declaration, the checkpoint and the times in and out. The phone gets an anonymous token to send them; the server keeps a shortened fingerprint of the network address to prevent abuse.',
  },
  'visitor.privacy.whoTitle': { vi: 'Ai xem được', en: 'Who can see it' },
  'visitor.privacy.who': {
    vi: 'Cán bộ y tế và cán bộ huyện/xã được giao truy vết, chỉ để tìm người tiếp xúc khi có ca bệnh. Người trực chốt chỉ thấy người vào chốt của mình.',
    en: 'Health and district/commune officers assigned to contact tracing, only to find contacts of a case. Guards see only people at their own checkpoint.',
  },
  'visitor.privacy.howLongTitle': { vi: 'Lưu bao lâu', en: 'For how long' },
  'visitor.privacy.howLong': {
    vi: 'Máy chủ giữ lượt ra vào theo thời hạn huyện quy định (mặc định 28 ngày) rồi xóa. Trên điện thoại, dữ liệu còn đến khi bạn xóa.',
    en: 'The server keeps visits for the period the district sets (28 days by default), then deletes them. On the phone, data stays until you delete it.',
  },
  'visitor.privacy.qrTitle': { vi: 'Mã QR cá nhân', en: 'Your personal QR' },
  'visitor.privacy.qr': {
    vi: 'Mã QR chứa họ tên, năm sinh, giới tính, số điện thoại, số giấy tờ, địa chỉ bạn đã nhập và kết quả khai báo hôm nay. Chỉ đưa cho người trực chốt quét.',
    en: 'The QR holds the name, birth year, gender, phone, ID number and address you entered and today’s declaration. Show it only to checkpoint guards.',
  },
  'visitor.delete.title': { vi: 'Xóa toàn bộ dữ liệu trên điện thoại', en: 'Delete everything on this phone' },
  'visitor.delete.explain': {
    vi: 'Xóa mọi người trong gia đình, tờ khai, lịch sử ra vào và mã ẩn danh. Không thể hoàn tác.',
    en: 'Deletes every household member, declaration, visit and the anonymous token. Cannot be undone.',
  },
  'visitor.delete.pendingWarning': {
    vi: 'Còn {count} lượt vào chưa gửi lên máy chủ; chúng sẽ mất.',
    en: '{count} visits were not sent yet; they will be lost.',
  },
  'visitor.delete.button': { vi: 'Xóa toàn bộ dữ liệu', en: 'Delete everything' },
  'visitor.delete.confirm': { vi: 'Bấm lần nữa để xóa hẳn', en: 'Tap again to delete for good' },
  'visitor.delete.done': {
    vi: 'Đã xóa toàn bộ dữ liệu trên điện thoại này.',
    en: 'Everything on this phone was deleted.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type VisitorKey = keyof typeof visitorDict;

addMessages(visitorDict);
