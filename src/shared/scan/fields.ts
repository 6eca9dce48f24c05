/**
 * Short identity fields (gender, phone, ID numbers) read from scans into PersonSchema-valid values.
 */
import type { Gender } from '../protocol';
import { foldVietnamese } from '../text/fold';
import { repairMojibake } from './mojibake';
import { normaliseText } from './text';

const PHONE = /^[+\d*][\d *.-]*$/;
const MAX_SHORT = 20;

/**
 * Reads a gender field: CCCD "Nam"/"Nữ" (any Unicode form, or keyboard-mangled: "Nu", "N?", "Nuw"),
 * visitor-code letters M/F/O, English words. null = empty, 'unreadable' = present but unknown.
 */
export function readGender(raw: string): Gender | null | 'unreadable' {
  const s = foldVietnamese(normaliseText(repairMojibake(raw))).replace(/\s+/g, '');
  if (s === '') return null;
  if (s === 'nam' || s === 'm' || s === 'male') return 'male';
  if (s === 'nu' || s === 'f' || s === 'female') return 'female';
  if (s === 'o' || s === 'other' || s === 'khac') return 'other';
  // "Nữ" typed through a foreign layout or Telex/VNI leftovers: N + u + a few marks, or N + a non-letter.
  if (/^nu[wx~^'`?*.0-9]{0,3}$/.test(s)) return 'female';
  if (s.length <= 4 && /^n[^a-z0-9]/.test(s)) return 'female';
  return 'unreadable';
}

/** Reads a phone field: empty → null; invalid for PersonSchema → 'bad'. */
export function readPhone(raw: string): string | null | 'bad' {
  const s = normaliseText(raw);
  if (s === '') return null;
  return s.length <= MAX_SHORT && PHONE.test(s) ? s : 'bad';
}

const ID_SHAPES = {
  /** Card numbers read from a card: letters and digits. */
  plain: /^[0-9A-Za-z]{1,20}$/,
  /** Masked numbers from the national QR: letters, digits, `*`. */
  masked: /^[0-9A-Za-z*]{1,20}$/,
  /** Typed by a person (visitor profile): anything up to 20 characters. */
  typed: /^.{1,20}$/su,
} as const;

/**
 * Reads an ID-like field (ID number, masked ID, old ID) of the given shape: empty → null; wrong shape or >20 → 'bad'.
 */
export function readIdLike(raw: string, shape: keyof typeof ID_SHAPES): string | null | 'bad' {
  const s = normaliseText(raw);
  if (s === '') return null;
  return s.length <= MAX_SHORT && ID_SHAPES[shape].test(s) ? s : 'bad';
}
