/**
 * npm run bench:visitor-qr — how big the personal QR gets for a realistic long Vietnamese name and
 * address with today's declaration: characters, UTF-8 bytes, QR version at EC level M (as the app draws it).
 * Last line: `visitor qr N chars version V`.
 */
import QRCode from 'qrcode';
import { longVisitorCode } from './visitor-sample';

const code = longVisitorCode();
const qr = QRCode.create(code, { errorCorrectionLevel: 'M' });
console.log(`payload: ${code}`);
console.log(`utf-8 bytes: ${Buffer.byteLength(code, 'utf8')}`);
console.log(`modules: ${qr.modules.size}×${qr.modules.size} (EC level M)`);
console.log(`visitor qr ${code.length} chars version ${qr.version}`);
