/**
 * How a typed ID number reads, the same on the guard's forms and the visitor's profile: a CCCD has 12 digits (the
 * server keys a person on it), an old CMND 9; a passport 6–9 letters and digits with at least one digit (a Vietnamese
 * one is a letter and 7 digits); a masked number as a national health QR gives it (`******001234`) stays masked.
 */

/** A typed ID number read: the number, a masked number, or what is wrong with it. */
type IdReading = { idNumber: string } | { idMasked: string } | { problem: 'digits' | 'passport' };

/** Reads a typed ID number (spaces, dots and dashes dropped, letters upper-cased); null when empty. */
export function readIdNumber(raw: string): IdReading | null {
  const id = raw.replace(/[\s.-]/g, '').toUpperCase();
  if (!id) return null;
  if (/^\d+$/.test(id)) return id.length === 12 || id.length === 9 ? { idNumber: id } : { problem: 'digits' };
  if (id.includes('*') && /^[0-9A-Z*]{1,20}$/.test(id) && /\d$/.test(id)) return { idMasked: id };
  if (/^[0-9A-Z]{6,9}$/.test(id) && /\d/.test(id)) return { idNumber: id };
  return { problem: /\p{L}/u.test(id) ? 'passport' : 'digits' };
}
