/**
 * Vietnamese-aware text folding for search and matching: "Nguyễn  Văn Ân" and "nguyen van an" fold alike.
 */

/** Folds a string for comparison: no diacritics (đ → d), lowercase, single spaces, trimmed. */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
