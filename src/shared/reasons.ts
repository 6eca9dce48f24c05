/**
 * Every reason code the server can send — `{ error: code, message }` bodies and `code: detail` item
 * reasons of a push — as a sentence for people, Vietnamese first, English second. The device and the
 * console both show these instead of the server's English message. Adding a code is one line here;
 * `tests/unit/shared/reasons.test.ts` fails when the server sends a code that is missing.
 */
interface ReasonText {
  vi: string;
  en: string;
}

export const REASONS = {
  // Requests the server could not read (Fastify's own refusals and our validators).
  invalid_request: {
    vi: 'Dữ liệu gửi lên không hợp lệ; hãy kiểm tra các ô đã nhập.',
    en: 'The data sent is not valid; check the fields.',
  },
  invalid_json: { vi: 'Dữ liệu gửi lên bị hỏng (không phải JSON).', en: 'The data sent is corrupted (not JSON).' },
  empty_body: { vi: 'Yêu cầu gửi lên không có dữ liệu.', en: 'The request carried no data.' },
  bad_content_length: {
    vi: 'Dữ liệu gửi lên bị cắt giữa chừng; hãy thử lại.',
    en: 'The data was cut off on the way; try again.',
  },
  body_too_large: {
    vi: 'Dữ liệu gửi lên quá lớn; hãy gửi ít hơn mỗi lần.',
    en: 'Too much data in one request; send less at a time.',
  },
  unsupported_media_type: {
    vi: 'Máy chủ không đọc được kiểu dữ liệu này.',
    en: 'The server cannot read this kind of data.',
  },
  bad_url: { vi: 'Địa chỉ yêu cầu bị sai.', en: 'The request address is malformed.' },
  bad_request: {
    vi: 'Máy chủ không hiểu yêu cầu này; hãy cập nhật ứng dụng.',
    en: 'The server did not understand this request; update the app.',
  },
  not_found: { vi: 'Không tìm thấy mục này trên máy chủ.', en: 'This was not found on the server.' },
  method_not_allowed: {
    vi: 'Máy chủ không nhận kiểu yêu cầu này ở địa chỉ này; hãy cập nhật ứng dụng.',
    en: 'The server does not take this kind of request at this address; update the app.',
  },
  request_timeout: {
    vi: 'Yêu cầu gửi lên quá chậm nên máy chủ đã dừng chờ; hãy thử lại.',
    en: 'The request arrived too slowly and the server stopped waiting; try again.',
  },
  url_too_long: { vi: 'Địa chỉ yêu cầu quá dài.', en: 'The request address is too long.' },
  headers_too_large: {
    vi: 'Phần đầu của yêu cầu (địa chỉ, cookie) quá lớn; hãy xoá cookie của trang rồi thử lại.',
    en: 'The request head (address, cookies) is too large; clear the site’s cookies and try again.',
  },
  malformed_request: {
    vi: 'Yêu cầu gửi lên bị hỏng nên máy chủ không đọc được; hãy thử lại.',
    en: 'The request was malformed and the server could not read it; try again.',
  },
  internal_error: { vi: 'Máy chủ gặp lỗi; hãy thử lại sau.', en: 'The server failed; try again later.' },
  store_unavailable: {
    vi: 'Máy chủ tạm thời chưa lưu được dữ liệu; không mất lượt nào, máy sẽ tự gửi lại sau (tải tệp lên thì thử lại sau ít phút).',
    en: 'The server cannot store data for a moment; nothing is lost, the device will send again later (for an uploaded file, try again in a few minutes).',
  },
  unsupported_protocol: {
    vi: 'Ứng dụng đã cũ so với máy chủ; hãy cập nhật ứng dụng.',
    en: 'The app is older than the server speaks; update the app.',
  },
  too_deep: {
    vi: 'Dữ liệu gửi lên lồng nhau quá nhiều tầng nên bị từ chối.',
    en: 'The data sent is nested too deeply and was refused.',
  },
  lone_surrogate: {
    vi: 'Dữ liệu gửi lên có ký tự bị hỏng; hãy gõ lại phần chữ đó.',
    en: 'The data sent holds a broken character; type that text again.',
  },

  // Sealed devices (issue 14): signed pushes, sealed items, a queue carried by hand.
  device_key_exists: {
    vi: 'Thiết bị đã có khoá ký; muốn đổi khoá phải đăng ký lại máy.',
    en: 'This device already has a signing key; enrol it again to get a new one.',
  },
  device_key_required: {
    vi: 'Thiết bị chưa đăng ký khoá ký với máy chủ; ứng dụng sẽ tự đăng ký khi có mạng.',
    en: 'This device has not registered its signing key; the app registers it when online.',
  },
  proof_required: {
    vi: 'Yêu cầu gửi thiếu chữ ký của thiết bị; mã thiết bị một mình không đủ.',
    en: 'The request lacks the device signature; the token alone is not enough.',
  },
  proof_malformed: { vi: 'Chữ ký của thiết bị bị hỏng.', en: 'The device signature is malformed.' },
  proof_wrong_device: { vi: 'Chữ ký là của một thiết bị khác.', en: 'The signature belongs to another device.' },
  proof_bad_signature: {
    vi: 'Chữ ký không khớp với khoá thiết bị đã đăng ký.',
    en: 'The signature does not match the device’s registered key.',
  },
  proof_wrong_request: {
    vi: 'Chữ ký được làm cho một yêu cầu khác (dữ liệu đã bị thay đổi).',
    en: 'The signature was made for another request (the data was changed).',
  },
  proof_stale: {
    vi: 'Chữ ký của thiết bị đã quá cũ so với giờ gửi.',
    en: 'The device signature is too old for the time it was sent.',
  },
  proof_replayed: {
    vi: 'Yêu cầu này đã được gửi một lần; máy sẽ gửi lại với chữ ký mới.',
    en: 'This request arrived before; the device sends it again with a new signature.',
  },
  invalid_sealed_item: {
    vi: 'Lượt quét đã niêm phong bị hỏng, không đọc được.',
    en: 'The sealed check-in is damaged and cannot be read.',
  },
  unseal_unknown_key: {
    vi: 'Lượt quét được niêm phong bằng một khoá huyện mà máy chủ không giữ; báo quản trị huyện.',
    en: 'The check-in was sealed to a district key this server does not hold; tell the district administrator.',
  },
  unseal_failed: {
    vi: 'Không mở được lượt quét đã niêm phong (bị sửa, hoặc niêm phong bằng khoá khác).',
    en: 'The sealed check-in does not open (altered, or sealed to another key).',
  },
  queue_unreadable: {
    vi: 'Tệp không đọc được: không phải tệp dữ liệu chờ gửi của Trạm QR, hoặc đã bị hỏng khi chuyển.',
    en: 'The file cannot be read: it is not a Trạm QR queue file, or it was damaged in transit.',
  },
  queue_unknown_device: {
    vi: 'Tệp đến từ một thiết bị mà huyện không biết; không lượt nào được nhận.',
    en: 'The file comes from a device the district does not know; nothing was accepted.',
  },
  queue_no_device_key: {
    vi: 'Thiết bị xuất tệp chưa đăng ký khoá ký nên không xác minh được tệp.',
    en: 'The exporting device never registered its signing key, so the file cannot be verified.',
  },
  queue_altered: {
    vi: 'Tệp đã bị sửa sau khi xuất; không lượt nào trong phần này được nhận.',
    en: 'The file was changed after it was exported; nothing in this part was accepted.',
  },

  // Guard devices: tokens, enrolment, standing.
  missing_token: { vi: 'Thiết bị chưa được đăng ký với máy chủ.', en: 'This device is not enrolled with the server.' },
  invalid_token: {
    vi: 'Máy chủ không nhận ra thiết bị này; hãy xin cán bộ mã đăng ký mới.',
    en: 'The server does not recognise this device; ask an officer for a new enrolment code.',
  },
  device_revoked: {
    vi: 'Thiết bị đã bị huyện/xã thu hồi: máy chủ không nhận lượt ghi sau thời điểm thu hồi.',
    en: 'The district revoked this device: the server refuses what it recorded after the revocation.',
  },
  device_revoked_grace_over: {
    vi: 'Thiết bị đã bị thu hồi quá 72 giờ: máy chủ không nhận thêm dữ liệu nào từ máy này.',
    en: 'This device was revoked more than 72 hours ago: the server takes nothing more from it.',
  },
  device_revoked_limit: {
    vi: 'Thiết bị đã bị thu hồi và đã gửi đủ 2.000 lượt được phép sau thu hồi; phần còn lại không được nhận.',
    en: 'This revoked device already sent the 2,000 items allowed after revocation; the rest is refused.',
  },
  not_a_guard_device: { vi: 'Máy này không phải thiết bị trực chốt.', en: 'This is not a guard device.' },
  checkpoint_missing: {
    vi: 'Chốt của thiết bị này không còn trên máy chủ.',
    en: 'This device’s checkpoint no longer exists on the server.',
  },
  wrong_checkpoint: {
    vi: 'Lượt này thuộc chốt khác với chốt thiết bị đang đăng ký.',
    en: 'This check-in belongs to another checkpoint than the device’s.',
  },
  invalid_checkin: {
    vi: 'Lượt ghi nhận thiếu hoặc sai thông tin; hãy báo cán bộ kỹ thuật.',
    en: 'The check-in is incomplete or malformed; tell the technical officer.',
  },
  claimed_in_future: {
    vi: 'Giờ ghi nhận muộn hơn giờ máy chủ nhận quá 10 phút; hãy kiểm tra đồng hồ của máy.',
    en: 'The recorded time is more than 10 minutes after the server received it; check the device clock.',
  },
  claimed_too_old: {
    vi: 'Lượt quét được gửi lên quá 14 ngày sau giờ ghi nhận nên không được nhận.',
    en: 'The check-in reached the server more than 14 days after its recorded time, so it was refused.',
  },
  too_many_items: {
    vi: 'Máy này gửi quá nhiều lượt trong thời gian ngắn; máy sẽ tự gửi lại sau.',
    en: 'This device sent too many check-ins in a short time; it will send again later.',
  },
  invalid_fix: {
    vi: 'Lượt sửa thông tin không chỉ rõ lượt quét cần sửa.',
    en: 'The correction does not name the check-in it corrects.',
  },
  fix_not_allowed: {
    vi: 'Chỉ thiết bị trực chốt mới được sửa thông tin một lượt quét.',
    en: 'Only a guard device may correct a check-in.',
  },
  fix_unknown_checkin: {
    vi: 'Máy chủ không có lượt quét mà lượt sửa này nhắc tới.',
    en: 'The server has no check-in this correction names.',
  },
  fix_not_own: {
    vi: 'Máy này chỉ được sửa thông tin những lượt quét do chính máy này ghi nhận.',
    en: 'This device may correct only check-ins it recorded itself.',
  },
  unknown_code: {
    vi: 'Mã đăng ký không tồn tại; hãy xin huyện/xã đường dẫn mới.',
    en: 'This enrolment code does not exist; ask the district for a new link.',
  },
  code_expired: {
    vi: 'Mã đăng ký đã hết hạn; hãy xin huyện/xã đường dẫn mới.',
    en: 'This enrolment code has expired; ask the district for a new link.',
  },
  code_used: {
    vi: 'Mã đăng ký này đã được một máy khác dùng; mỗi mã chỉ dùng được một lần.',
    en: 'Another device already used this enrolment code; each code works once.',
  },
  checkpoint_closed: {
    vi: 'Chốt này đã đóng; hãy mở lại chốt trước.',
    en: 'This checkpoint is closed; reopen it first.',
  },

  // Visitor phones (self check-in at a poster).
  too_many_registrations: {
    vi: 'Quá nhiều điện thoại đăng ký từ mạng này; hãy thử lại sau.',
    en: 'Too many phones registered from this network; try again later.',
  },
  not_self_checkin: {
    vi: 'Điện thoại người dân chỉ được gửi lượt tự quét mã của chốt.',
    en: 'A visitor phone may only send its own poster check-ins.',
  },
  missing_proof: {
    vi: 'Lượt tự quét thiếu mã QR của chốt.',
    en: 'The self check-in lacks the checkpoint’s poster code.',
  },
  invalid_proof: {
    vi: 'Mã QR của chốt không hợp lệ (bị sửa, giả mạo hoặc đã hết hạn).',
    en: 'The checkpoint code is not valid (altered, forged or expired).',
  },
  stale_door_code: {
    vi: 'Mã trên màn hình cửa đã hết hạn khi máy chủ nhận lượt này (mã chỉ dùng được vài phút); hãy quét lại mã mới.',
    en: 'The door-screen code had expired when the server received this check-in (it lasts a few minutes); scan the new code.',
  },
  self_claimed_too_old: {
    vi: 'Lượt tự khai được gửi lên quá 72 giờ sau giờ ghi nhận nên không được nhận.',
    en: 'The self check-in reached the server more than 72 hours after its recorded time, so it was refused.',
  },
  unknown_checkpoint: { vi: 'Chốt này không có trên máy chủ.', en: 'This checkpoint does not exist on the server.' },

  // Console: sign-in and permissions.
  not_signed_in: { vi: 'Phiên làm việc đã hết; hãy đăng nhập lại.', en: 'Your session has ended; sign in again.' },
  bad_credentials: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'The username or password is wrong.' },
  too_many_attempts: {
    vi: 'Đăng nhập sai quá nhiều lần; hãy chờ một lúc rồi thử lại.',
    en: 'Too many failed sign-ins; wait a while and try again.',
  },
  rate_limited: {
    vi: 'Quá nhiều yêu cầu; hãy chờ một lúc rồi thử lại.',
    en: 'Too many requests; wait a while and try again.',
  },
  bad_origin: {
    vi: 'Yêu cầu đến từ trang khác nên bị từ chối.',
    en: 'The request came from another site and was refused.',
  },
  csrf_token: { vi: 'Trang đã cũ; hãy tải lại trang quản lý.', en: 'The page is out of date; reload the console.' },
  forbidden: { vi: 'Tài khoản của bạn không được làm việc này.', en: 'Your account may not do this.' },
  weak_password: {
    vi: 'Mật khẩu mới quá dễ đoán; hãy chọn mật khẩu dài và khó đoán hơn.',
    en: 'The new password is too easy to guess; choose a longer, harder one.',
  },

  // Console: records.
  unit_required: { vi: 'Cán bộ xã phải thuộc một xã; hãy chọn xã.', en: 'A commune officer needs a commune.' },
  unknown_unit: { vi: 'Hãy chọn một xã có trong danh sách.', en: 'Choose a commune from the list.' },
  username_taken: { vi: 'Tên đăng nhập này đã có người dùng.', en: 'This username is taken.' },
  user_not_found: { vi: 'Không có tài khoản này.', en: 'There is no such account.' },
  cannot_disable_self: {
    vi: 'Bạn không thể khoá tài khoản của chính mình.',
    en: 'You cannot disable your own account.',
  },
  checkpoint_not_found: { vi: 'Không có chốt này.', en: 'There is no such checkpoint.' },
  code_taken: {
    vi: 'Mã chốt này đã được dùng; hãy chọn mã khác.',
    en: 'This checkpoint code is already used; choose another.',
  },
  device_not_found: { vi: 'Không có thiết bị trực chốt này.', en: 'There is no such guard device.' },
  already_revoked: { vi: 'Thiết bị này đã bị thu hồi từ trước.', en: 'This device is already revoked.' },
  duplicate_question_id: {
    vi: 'Hai câu hỏi trùng mã; hãy tải lại và sửa lại.',
    en: 'Two questions share an id; reload and edit again.',
  },
  stale_version: {
    vi: 'Người khác vừa lưu bộ câu hỏi; hãy tải lại rồi sửa lại.',
    en: 'Someone else saved the questionnaire meanwhile; reload and edit again.',
  },
  invalid_csv: { vi: 'Tệp CSV không đúng mẫu.', en: 'The CSV file does not follow the template.' },
  unknown_table: { vi: 'Không có bảng số liệu này.', en: 'There is no such table.' },
  invalid_door_token: {
    vi: 'Đường dẫn màn hình cửa đã hết hiệu lực; hãy xin đường dẫn mới.',
    en: 'This door-screen link is no longer valid; ask for a new one.',
  },

  // Console: outbreak follow-up (health stations and tracers).
  other_commune: {
    vi: 'Trạm y tế chỉ xem được người thuộc xã của mình.',
    en: 'Health station staff see only their own commune.',
  },
  already_case: { vi: 'Người này đã là ca bệnh.', en: 'This person is already a case.' },
  already_decided: { vi: 'Người tiếp xúc này đã được quyết định từ trước.', en: 'This contact was decided already.' },
  followup_ended: { vi: 'Việc theo dõi người này đã kết thúc.', en: 'This follow-up has ended.' },
  reason_required: { vi: 'Hãy ghi lý do loại người tiếp xúc này.', en: 'Say why this contact is dismissed.' },
  unknown_person: { vi: 'Không có lượt quét nào của người này.', en: 'No check-in carries this person.' },
  no_checkins: {
    vi: 'Người tiếp xúc nhập tay không có lượt quét để truy vết; hãy lập ca bệnh từ trang tìm kiếm truy vết.',
    en: 'A contact typed in by hand has no check-ins to trace; register the case from the tracing search.',
  },
  unit_unknown: {
    vi: 'Chưa biết xã của người tiếp xúc này; hãy chọn xã.',
    en: 'The commune of this contact is not known; choose one.',
  },
  onset_required: {
    vi: 'Hãy nhập ngày khởi phát triệu chứng, hoặc đánh dấu “Không có triệu chứng”.',
    en: 'Enter the symptom onset date, or tick “No symptoms”.',
  },
  onset_not_asymptomatic: {
    vi: 'Ca “Không có triệu chứng” thì không có ngày khởi phát; hãy bỏ dấu hoặc bỏ ngày khởi phát.',
    en: 'A case with no symptoms has no onset date; untick it or leave the onset out.',
  },
  bad_day: {
    vi: 'Ngày không có thật trên lịch; hãy chọn lại ngày (năm-tháng-ngày).',
    en: 'That date does not exist on the calendar; choose the date again (year-month-day).',
  },
  range_reversed: {
    vi: 'Ngày “Từ” phải trước hoặc bằng ngày “Đến”.',
    en: 'The “From” date must be on or before the “To” date.',
  },
  day_not_used: {
    vi: 'Trang này không lọc theo ngày đã chọn (danh sách gọi F1 luôn là của hôm nay); hãy bỏ ngày đó.',
    en: 'This page does not filter by that date (the F1 call list is always today’s); leave the date out.',
  },

  // Server to server (forwarding to the server above: district → province → nation).
  not_a_forwarder: {
    vi: 'Chỉ máy chủ cấp dưới đã đăng ký ở đây mới được gửi danh sách chốt.',
    en: 'Only a lower server enrolled here may send checkpoints.',
  },
  catalog_conflict: {
    vi: 'Danh sách chốt gửi lên mâu thuẫn với dữ liệu đã có.',
    en: 'The checkpoint list conflicts with what is stored.',
  },
  missing_forwarded: {
    vi: 'Lượt chuyển tiếp thiếu thông tin nhận của máy chủ cấp dưới.',
    en: 'A forwarded item lacks the lower server’s receipt facts.',
  },
  unknown_device: {
    vi: 'Thiết bị này chưa có trên máy chủ cấp trên.',
    en: 'This device is not known to the server above.',
  },
  fix_not_forwarded: {
    vi: 'Lượt sửa thông tin chỉ lưu ở máy chủ đã nhận nó, không chuyển lên cấp trên.',
    en: 'Corrections stay on the server that took them and are not forwarded.',
  },
} as const satisfies Record<string, ReasonText>;

/** The code of a reason: the whole `error` of a body, or the part before `:` of an item reason. */
export function reasonCode(reason: string): string {
  const match = /^([a-z][a-z0-9_]*)(?::|$)/.exec(reason.trim());
  return match?.[1] ?? '';
}

/** A reason (code or `code: detail`) as a sentence in `lang`; unknown codes keep the server's text. */
export function reasonText(reason: string, lang: 'vi' | 'en', fallback?: string): string {
  const entry = (REASONS as Record<string, ReasonText>)[reasonCode(reason)];
  if (entry) return entry[lang];
  const fallbackText = fallback ?? reason;
  return lang === 'vi' ? `Máy chủ từ chối (${fallbackText.slice(0, 120)}).` : fallbackText;
}
