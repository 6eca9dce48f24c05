/** A realistic worst-case personal QR: a long Vietnamese name and address, every field, today's declaration. */
import { DEFAULT_QUESTIONNAIRE, yesNoQuestionIds } from '../src/shared/questionnaire/default';
import {
  encodeVisitorCode,
  encodeVisitorCodeV1,
  flagsFromAnswers,
  type VisitorProfile,
} from '../src/shared/scan/visitor-code';
import type { VisitorDeclaration } from '../src/shared/scan/types';

const PROFILE: VisitorProfile = {
  visitorId: 'k3m9q2x7zt',
  name: 'Nguyễn Thị Phương Thảo Hoàng Ngọc',
  birthDate: '1987-11-23',
  gender: 'female',
  phone: '0912345678',
  idNumber: '038187012345',
  address: 'Xóm Đồng Khánh, Thôn Trung Tiến, Xã Xuân Thịnh, Huyện Triệu Sơn, Tỉnh Thanh Hóa',
};

function declaration(): VisitorDeclaration {
  const yes = yesNoQuestionIds(DEFAULT_QUESTIONNAIRE).map((id) => id === 'cough' || id === 'consent');
  return { date: '2026-11-28', version: 1, flags: flagsFromAnswers(yes) };
}

/** The personal QR text the benchmarks measure and decode (the format the app shows). */
export function longVisitorCode(): string {
  return encodeVisitorCode(PROFILE, declaration());
}

/** The same profile in version 1 (TQ1, UTF-8), for comparison. */
export function longVisitorCodeV1(): string {
  return encodeVisitorCodeV1(PROFILE, declaration());
}
