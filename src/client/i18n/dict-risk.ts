/**
 * Risk at the door: the words the guard's card, the khai hộ result, the visitor's screens and the self
 * check-in use for symptoms, exposures and stale or missing declarations. Vietnamese first, English second.
 */
import { addMessages } from './i18n';

export const riskDict = {
  'risk.symptoms': { vi: 'Có triệu chứng: {list}', en: 'Symptoms: {list}' },
  'risk.symptomsUnread': { vi: 'Có triệu chứng (theo mã QR)', en: 'Has symptoms (per the QR code)' },
  'risk.exposureUnread': { vi: 'Có yếu tố dịch tễ (theo mã QR)', en: 'Has an exposure (per the QR code)' },
  'risk.stale': { vi: 'Khai báo đã cũ: {days} ngày trước', en: 'Declaration is old: {days} days ago' },
  'risk.staleYesterday': { vi: 'Khai báo đã cũ: hôm qua', en: 'Declaration is old: yesterday' },
  'risk.missing': { vi: 'Chưa khai báo y tế', en: 'No health declaration' },
  'risk.unknownAnswers': {
    vi: 'Không đọc được câu trả lời khai báo (tờ khai phiên bản khác) — hỏi lại người này',
    en: 'The declaration’s answers cannot be read (another form version) — ask this person',
  },
  'risk.clear': { vi: 'Đã khai báo y tế · không có triệu chứng', en: 'Health declaration done · no symptoms' },
  // Addressed to the person: "vào chốt" also means "check in", so the advice says "vào bên trong" (go inside).
  'risk.defaultInstruction': {
    vi: 'Không vào bên trong lúc này. Đề nghị đeo khẩu trang, về nơi ở, hạn chế tiếp xúc và gọi ngay cho trạm y tế.',
    en: 'Do not go inside for now. Wear a mask, go home, avoid contact and call the health station now.',
  },
  // Said first once an arrival with a risk is saved: it IS recorded; what to do is hold the person at the gate.
  'risk.guardHold': {
    vi: 'Đã ghi nhận lượt vào. Giữ người này ở cổng, chưa cho vào bên trong; đọc lời dặn dưới đây và hướng dẫn họ liên hệ trạm y tế.',
    en: 'The check-in is recorded. Keep this person at the gate, not inside; read them the advice below and direct them to the health station.',
  },
  'risk.visitorHold': {
    vi: 'Lượt vào của bạn đã được ghi nhận. Xin dừng ở cổng, chưa vào bên trong, và cho người trực chốt xem màn hình này.',
    en: 'Your check-in is recorded. Please stop at the gate, do not go inside yet, and show this screen to the guard.',
  },
  'risk.guardStaleAdvice': {
    vi: 'Đề nghị khai báo y tế hôm nay (khai hộ nếu không có điện thoại).',
    en: 'Ask for today’s declaration (declare on their behalf if they have no phone).',
  },
  'risk.visitorStaleAdvice': {
    vi: 'Hãy khai báo y tế hôm nay trước khi vào chốt.',
    en: 'Make today’s declaration before you enter.',
  },
  'risk.phoneLabel': { vi: 'Trạm y tế:', en: 'Health station:' },
  'risk.call': { vi: 'Gọi {phone}', en: 'Call {phone}' },

  'risk.first.title': { vi: 'Khai báo y tế hôm nay', en: 'Today’s health declaration' },
  'risk.first.hint': {
    vi: 'Chốt yêu cầu khai báo y tế trước khi vào. Nếu không có gì thay đổi, bấm một lần để khai giống lần trước.',
    en: 'The checkpoint asks for a declaration before you enter. If nothing changed, one tap repeats the last one.',
  },
  'risk.first.repeat': {
    vi: 'Giống lần trước ({date}) — không có gì thay đổi',
    en: 'Same as last time ({date}) — nothing changed',
  },
  'risk.first.repeatNote': {
    vi: 'Bấm là bạn cam kết các câu trả lời vẫn đúng hôm nay.',
    en: 'Tapping confirms the answers are still true today.',
  },
  'risk.first.declare': { vi: 'Khai báo mới', en: 'Declare now' },
  'risk.first.done': { vi: 'Đã khai báo hôm nay', en: 'Declared today' },
  'risk.first.continue': { vi: 'Tiếp tục vào chốt', en: 'Continue to check in' },
  'risk.first.skip': { vi: 'Vào chốt mà chưa khai báo', en: 'Check in without declaring' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type RiskKey = keyof typeof riskDict;

addMessages(riskDict);
