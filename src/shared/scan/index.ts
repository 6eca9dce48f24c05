/**
 * Public API of the scan parsers (see README.md).
 */
export { classifyScan } from './classify';
export { cccdFacts, isCompleteCccdPayload, parseCccd, type CccdFacts } from './cccd';
export { DEFAULT_VISIBLE_DIGITS, maskedIdKey, maskedVisibleDigits, parseNationalQr } from './national';
export {
  VISITOR_ID_ALPHABET,
  VISITOR_PREFIX,
  answersFromFlags,
  encodeVisitorCode,
  flagsFromAnswers,
  newVisitorId,
  parseVisitorCode,
  type VisitorProfile,
} from './visitor-code';
export { MAX_SCAN_LENGTH, UNKNOWN_NAME, type ScanResult, type ScanWarning, type VisitorDeclaration } from './types';
