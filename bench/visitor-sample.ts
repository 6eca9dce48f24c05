/** A realistic worst-case personal QR: a long Vietnamese name and address, every field, today's declaration. */
import { DEFAULT_QUESTIONNAIRE, yesNoQuestionIds } from '../src/shared/questionnaire/default';
import { encodeVisitorCode, flagsFromAnswers } from '../src/shared/scan/visitor-code';

/** The personal QR text the benchmarks measure and decode. */
export function longVisitorCode(): string {
  const yes = yesNoQuestionIds(DEFAULT_QUESTIONNAIRE).map((id) => id === 'cough' || id === 'consent');
  return encodeVisitorCode(
    {
      visitorId: 'k3m9q2x7zt',
      name: 'Nguyễn Thị Phương Thảo Hoàng Ngọc',
      birthDate: '1987-11-23',
      gender: 'female',
      phone: '0912345678',
      idNumber: '038187012345',
      address: 'Xóm Đồng Khánh, Thôn Trung Tiến, Xã Xuân Thịnh, Huyện Triệu Sơn, Tỉnh Thanh Hóa',
    },
    { date: '2026-11-28', version: 1, flags: flagsFromAnswers(yes) },
  );
}
