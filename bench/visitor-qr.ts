/**
 * npm run bench:visitor-qr — how big the personal QR gets for a realistic long Vietnamese name and
 * address with today's declaration: characters, UTF-8 bytes, QR version at EC level M (as the app draws it),
 * for the format the app shows (TQ2, alphanumeric) beside version 1 (TQ1, UTF-8).
 * Last line: `visitor qr N chars version V`.
 */
import QRCode from 'qrcode';
import { longVisitorCode, longVisitorCodeV1 } from './visitor-sample';

const v1 = longVisitorCodeV1();
const v1qr = QRCode.create(v1, { errorCorrectionLevel: 'M' });
console.log(
  `version 1 (TQ1): ${v1.length} chars, ${Buffer.byteLength(v1, 'utf8')} UTF-8 bytes, QR version ${v1qr.version}`,
);
const code = longVisitorCode();
const qr = QRCode.create(code, { errorCorrectionLevel: 'M' });
console.log(`payload: ${code}`);
console.log(`segments: ${qr.segments.map((s) => `${s.mode.id}×${s.getLength()}`).join(' + ')}`);
console.log(`modules: ${qr.modules.size}×${qr.modules.size} (EC level M)`);
console.log(`visitor qr ${code.length} chars version ${qr.version}`);
