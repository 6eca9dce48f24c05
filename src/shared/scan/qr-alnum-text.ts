/**
 * Vietnamese text in the QR alphanumeric character set (0–9, A–Z, space, `$%*+-./:`), so a personal QR can use
 * alphanumeric mode (5.5 bits a character) instead of UTF-8 bytes (8–24 bits a letter), and a keyboard-wedge
 * scanner, which mangles Vietnamese letters, types it unharmed. Frozen: the `TQ2:` format depends on every rule
 * here; change nothing, add a new prefix instead.
 *
 * - Letters are written upper case. In a `text` field a word (a run of letters and digits) decodes with its first
 *   character upper case and the rest lower case; `:X` before a word makes it all lower case, `:Y` all upper case.
 * - Circumflex and đ as in Telex: `AA` â, `EE` ê, `OO` ô, `DD` đ. Breve and horn: `%` after the letter (`A%` ă,
 *   `O%` ơ, `U%` ư). Tones after the letter and its mark: `/` sắc, `$` huyền, `*` hỏi, `+` ngã, `.` nặng.
 * - `:` escapes: `: ` = ", ", `:0` = ",", `:Z` = nothing (keeps letters apart: `O:ZO` = "oo"), `:` + one of
 *   `$%*+-./:` = that character, `:1`…`:9` and `:A`…`:W` = a word of {@link WORDS}.
 * - `-` is never part of a value: the visitor code puts it between fields (a literal `-` is `:-`).
 * Encoding is checked by decoding: text it cannot carry exactly (mixed-case words, other scripts or marks) gives
 * `null`, and the caller keeps the UTF-8 format.
 */

/** Whole words (each with its trailing space) that one escape stands for; index i ↔ escape key WORD_KEYS[i]. */
const WORDS = [
  'Xã ',
  'Huyện ',
  'Tỉnh ',
  'Thôn ',
  'Xóm ',
  'Phường ',
  'Quận ',
  'Thành phố ',
  'Thị trấn ',
  'Thị xã ',
  'Tổ dân phố ',
  'Khu phố ',
  'Ấp ',
  'Bản ',
  'Số ',
  'Đường ',
  'Làng ',
  'Khu ',
  'Tổ ',
  'Nguyễn ',
  'Trần ',
  'Lê ',
  'Phạm ',
  'Hoàng ',
  'Huỳnh ',
  'Phan ',
  'Vũ ',
  'Võ ',
  'Đặng ',
  'Bùi ',
  'Văn ',
  'Thị ',
] as const;
const WORD_KEYS = '123456789ABCDEFGHIJKLMNOPQRSTUVW';
const LOWER_WORD = 'X';
const UPPER_WORD = 'Y';
const BREAK = 'Z';

const TONES: Record<string, string> = { '\u0301': '/', '\u0300': '$', '\u0309': '*', '\u0303': '+', '\u0323': '.' };
const TONE_MARKS: Record<string, string> = { '/': '\u0301', $: '\u0300', '*': '\u0309', '+': '\u0303', '.': '\u0323' };
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';
const HORN = '\u031b';
const SYMBOLS = '$%*+-./:';

/** How a field is carried: `text` folds Vietnamese and word case; `raw` keeps upper-case letters, digits, symbols. */
export type AlnumFieldKind = 'text' | 'raw';

const isAsciiUpper = (c: string): boolean => c >= 'A' && c <= 'Z';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isWordChar = (c: string): boolean => /[\p{L}\p{N}]/u.test(c);

/** Encodes one letter (its NFD base and marks) as upper-case letters, `%` and a tone; null when impossible. */
function encodeLetter(base: string, marks: readonly string[]): string | null {
  const upper = base === 'đ' || base === 'Đ' ? 'Đ' : base.toUpperCase();
  let out = upper === 'Đ' ? 'DD' : isAsciiUpper(upper) ? upper : null;
  if (out === null) return null;
  let tone = '';
  for (const mark of marks) {
    const plain = out.length === 1;
    if (mark === CIRCUMFLEX && plain && 'AEO'.includes(upper)) out += upper;
    else if (mark === BREVE && plain && upper === 'A') out += '%';
    else if (mark === HORN && plain && 'OU'.includes(upper)) out += '%';
    else if (TONES[mark] !== undefined && tone === '') tone = TONES[mark] ?? '';
    else return null;
  }
  return out + tone;
}

/** The case a word must be given back: title (the default), all lower, all upper; null for mixed case. */
function wordCase(word: string): '' | typeof LOWER_WORD | typeof UPPER_WORD | null {
  const first = word.charAt(0);
  const rest = word.slice(1);
  if (first.toLocaleUpperCase('vi') === first && rest.toLocaleLowerCase('vi') === rest) return '';
  if (word.toLocaleLowerCase('vi') === word) return LOWER_WORD;
  if (word.toLocaleUpperCase('vi') === word) return UPPER_WORD;
  return null;
}

/** Splits NFC text into words (letters and digits) and single separator characters. */
function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]/gu) ?? [];
}

function encodeWord(word: string): string | null {
  const mode = wordCase(word);
  if (mode === null) return null;
  let out = mode === '' ? '' : `:${mode}`;
  let last = '';
  const chars = [...word.normalize('NFD')];
  for (let i = 0; i < chars.length;) {
    const c = chars[i] ?? '';
    const marks: string[] = [];
    let j = i + 1;
    while (j < chars.length && /\p{M}/u.test(chars[j] ?? '')) marks.push(chars[j++] ?? '');
    i = j;
    const encoded = isDigit(c) && marks.length === 0 ? c : encodeLetter(c, marks);
    if (encoded === null) return null;
    // A plain A/E/O/D followed by a letter written with the same first letter would read as one marked letter.
    const first = encoded.charAt(0);
    if (last === first && 'AEOD'.includes(first)) out += `:${BREAK}`;
    out += encoded;
    last = encoded.length === 1 ? first : '';
  }
  return out;
}

/** Encodes text with no dictionary word in it: words, ", ", spaces and escaped symbols. */
function encodePlain(text: string): string | null {
  let out = '';
  const parts = tokens(text);
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k] ?? '';
    if (isWordChar(part.charAt(0))) {
      const encoded = encodeWord(part);
      if (encoded === null) return null;
      out += encoded;
    } else if (part === ',' && parts[k + 1] === ' ') {
      out += ': ';
      k++;
    } else if (part === ',') {
      out += ':0';
    } else if (part === ' ') {
      out += ' ';
    } else if (SYMBOLS.includes(part)) {
      out += `:${part}`;
    } else {
      return null;
    }
  }
  return out;
}

/** Encodes text, writing each word of {@link WORDS} that starts the text or follows a space as its escape. */
function encodeText(text: string): string | null {
  let out = '';
  let plainStart = 0;
  let i = 0;
  while (i < text.length) {
    const index = i === 0 || text.charAt(i - 1) === ' ' ? WORDS.findIndex((w) => text.startsWith(w, i)) : -1;
    if (index < 0) {
      i++;
      continue;
    }
    const plain = encodePlain(text.slice(plainStart, i));
    if (plain === null) return null;
    out += `${plain}:${WORD_KEYS.charAt(index)}`;
    i += WORDS[index]?.length ?? 1;
    plainStart = i;
  }
  const rest = encodePlain(text.slice(plainStart));
  return rest === null ? null : out + rest;
}

/** Encodes one field value; null when the value cannot be carried exactly (the caller falls back to UTF-8). */
export function encodeAlnumField(value: string, kind: AlnumFieldKind): string | null {
  const nfc = value.normalize('NFC');
  let out: string | null = '';
  if (kind === 'raw') {
    for (const c of nfc) {
      if (isDigit(c) || isAsciiUpper(c) || c === ' ') out += c;
      else if (c === '-' || c === ':') out += `:${c}`;
      else if (SYMBOLS.includes(c)) out += c;
      else return null;
    }
  } else {
    out = encodeText(nfc);
  }
  return out !== null && decodeAlnumField(out, kind) === nfc ? out : null;
}

/** Decodes one field value; null when it is not a valid encoding. Total. */
export function decodeAlnumField(encoded: string, kind: AlnumFieldKind): string | null {
  const s = encoded.toUpperCase();
  let out = '';
  let mode: '' | typeof LOWER_WORD | typeof UPPER_WORD = '';
  let inWord = false;
  let i = 0;
  while (i < s.length) {
    const c = s.charAt(i);
    if (c === ':') {
      const next = s.charAt(i + 1);
      i += 2;
      if (next === BREAK) continue;
      if (kind === 'text' && (next === LOWER_WORD || next === UPPER_WORD) && !inWord) mode = next;
      else if (next === ' ') out += ', ';
      else if (next === '0') out += ',';
      else if (next !== '' && SYMBOLS.includes(next)) out += next;
      else if (kind === 'text' && next !== '' && WORD_KEYS.includes(next)) out += WORDS[WORD_KEYS.indexOf(next)] ?? '';
      else return null;
      if (next !== LOWER_WORD && next !== UPPER_WORD) {
        inWord = false;
        mode = '';
      }
      continue;
    }
    if (kind === 'raw') {
      if (!isAsciiUpper(c) && !isDigit(c) && c !== ' ' && (c === '-' || !SYMBOLS.includes(c))) return null;
      out += c;
      i++;
      continue;
    }
    if (!isAsciiUpper(c) && !isDigit(c)) {
      if (c !== ' ') return null;
      out += c;
      inWord = false;
      mode = '';
      i++;
      continue;
    }
    let letter = c;
    let j = i + 1;
    if (isAsciiUpper(c)) {
      const next = s.charAt(j);
      if (next === c && 'AEO'.includes(c)) {
        letter += CIRCUMFLEX;
        j++;
      } else if (next === 'D' && c === 'D') {
        letter = 'Đ';
        j++;
      } else if (next === '%' && 'AOU'.includes(c)) {
        letter += c === 'A' ? BREVE : HORN;
        j++;
      }
      const tone = TONE_MARKS[s.charAt(j)];
      if (tone !== undefined) {
        letter += tone;
        j++;
      }
    }
    const upper = mode === UPPER_WORD || (mode === '' && !inWord);
    out += upper ? letter : letter.toLocaleLowerCase('vi');
    inWord = true;
    i = j;
  }
  return kind === 'text' ? out.normalize('NFC') : out;
}
