/**
 * Public API of the scan parsers (see README.md).
 */
export { isCompleteCccdPayload } from './cccd';
export { maskedIdKey, maskedVisibleDigits } from './national';
export { UNKNOWN_NAME } from './types';
