/**
 * Keyboard-wedge scanners on a layout without Vietnamese letters drop them silently ("Trịnh Văn Đức"
 * arrives as "Trnh Vn c"). Every Vietnamese syllable has a vowel, so a word of letters without one
 * is a sign of dropped letters (no `?` needed to notice).
 */

// Vowels once tone marks and the letter shapes (ă â ê ô ơ ư) are stripped; y counts (Mỹ, Y Moan).
const VOWEL = /[aeiouy]/;
const LETTERS_ONLY = /^\p{L}+$/u;

/** The word with marks removed, lower case (đ stays a consonant). */
function bare(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** True when a word made only of letters has no vowel. */
function vowelless(word: string): boolean {
  return LETTERS_ONLY.test(word) && !VOWEL.test(bare(word));
}

/** True when a name has a word without a vowel ("Trnh Vn c"): letters were dropped (H'Hen is one word). */
export function nameHasDroppedLetters(name: string): boolean {
  return name
    .normalize('NFC')
    .split(/[\s-]+/)
    .map((word) => word.replace(/[.'’ʼ]/g, ''))
    .some((word) => word.length > 0 && vowelless(word));
}

/**
 * True when an address has a word without a vowel that is not an all-capitals abbreviation
 * (TP, TX, KP, TDP, KDC stay allowed; single letters are too short to judge): "Thn 4, X Dn Lc" is flagged.
 */
export function addressHasDroppedLetters(address: string): boolean {
  return address
    .normalize('NFC')
    .split(/[\s,.;:/()'’-]+/)
    .some((word) => word.length > 1 && vowelless(word) && word !== word.toUpperCase());
}
