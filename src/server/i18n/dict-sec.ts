/**
 * Server-side texts of the security work (issue 11), Vietnamese first, English second: why a
 * password was refused. Keys of `password.warning.*` are zxcvbn-ts's warning keys.
 */
export const secDict = {
  'password.refused': {
    vi: 'Mật khẩu này quá dễ đoán: {reason} Hãy dùng một câu dài gồm vài từ không liên quan.',
    en: 'This password is too easy to guess: {reason} Use a long phrase of several unrelated words.',
  },
  'password.tooShort': {
    vi: 'Mật khẩu phải có ít nhất {min} ký tự.',
    en: 'The password must have at least {min} characters.',
  },
  'password.tooLong': { vi: 'Mật khẩu dài quá {max} ký tự.', en: 'The password is longer than {max} characters.' },
  'password.warning.straightRow': {
    vi: 'các phím liền nhau trên bàn phím rất dễ đoán.',
    en: 'straight rows of keys are easy to guess.',
  },
  'password.warning.keyPattern': {
    vi: 'mẫu phím ngắn trên bàn phím rất dễ đoán.',
    en: 'short keyboard patterns are easy to guess.',
  },
  'password.warning.simpleRepeat': {
    vi: 'ký tự lặp lại như "aaa" rất dễ đoán.',
    en: 'repeated characters like "aaa" are easy to guess.',
  },
  'password.warning.extendedRepeat': {
    vi: 'chuỗi lặp lại như "abcabcabc" rất dễ đoán.',
    en: 'repeated patterns like "abcabcabc" are easy to guess.',
  },
  'password.warning.sequences': {
    vi: 'dãy liên tiếp như "abc" hay "123456" rất dễ đoán.',
    en: 'sequences like "abc" or "123456" are easy to guess.',
  },
  'password.warning.recentYears': { vi: 'những năm gần đây rất dễ đoán.', en: 'recent years are easy to guess.' },
  'password.warning.dates': { vi: 'ngày tháng rất dễ đoán.', en: 'dates are easy to guess.' },
  'password.warning.topTen': {
    vi: 'đây là một trong mười mật khẩu bị dùng nhiều nhất.',
    en: 'this is one of the ten most used passwords.',
  },
  'password.warning.topHundred': {
    vi: 'đây là một trong một trăm mật khẩu bị dùng nhiều nhất.',
    en: 'this is one of the hundred most used passwords.',
  },
  'password.warning.common': { vi: 'đây là một mật khẩu phổ biến.', en: 'this is a commonly used password.' },
  'password.warning.similarToCommon': {
    vi: 'mật khẩu này giống một mật khẩu phổ biến.',
    en: 'this is similar to a commonly used password.',
  },
  'password.warning.wordByItself': { vi: 'một từ đơn lẻ rất dễ đoán.', en: 'single words are easy to guess.' },
  'password.warning.namesByThemselves': {
    vi: 'tên hoặc họ đơn lẻ rất dễ đoán.',
    en: 'single names or surnames are easy to guess.',
  },
  'password.warning.commonNames': {
    vi: 'tên và họ phổ biến rất dễ đoán.',
    en: 'common names and surnames are easy to guess.',
  },
  'password.warning.userInputs': {
    vi: 'mật khẩu chứa tên đăng nhập hoặc họ tên của tài khoản.',
    en: "it contains the account's username or name.",
  },
  'password.warning.pwned': {
    vi: 'mật khẩu này đã bị lộ trên mạng.',
    en: 'this password was exposed in a data breach.',
  },
  'password.warning.generic': {
    vi: 'máy tính có thể đoán ra trong thời gian ngắn.',
    en: 'a computer could guess it in a short time.',
  },
} as const;

export type SecKey = keyof typeof secDict;

/** A text in both languages, placeholders `{name}` filled. */
export function secText(key: SecKey, params: Record<string, string | number> = {}): { vi: string; en: string } {
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  return { vi: fill(secDict[key].vi), en: fill(secDict[key].en) };
}
