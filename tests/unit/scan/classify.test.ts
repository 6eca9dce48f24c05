import { describe, expect, it } from 'vitest';
import { classifyScan } from '../../../src/shared/scan/classify';

const CCCD =
  '038095001234|123456789|Nguyễn Văn An|01011995|Nam|Thôn 3, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa|15082021';
// A real-shaped VietQR (EMVCo) payment payload.
const VIETQR =
  '00020101021138570010A00000072701270006970436011300110123456780208QRIBFTTA53037045802VN62150811Chuyen tien6304ABCD';

describe('classifyScan', () => {
  it('recognises our visitor code', () => {
    const r = classifyScan('TQ1:0a1b2c3d4e|Lê Thị Hoa|1960|F||||20210815.2.1');
    expect(r).toEqual({
      kind: 'visitor',
      person: { visitorId: '0a1b2c3d4e', name: 'Lê Thị Hoa', birthYear: 1960, gender: 'female' },
      declaration: { date: '2021-08-15', version: 2, flags: 1 },
      warnings: [],
    });
  });

  it('recognises a CCCD payload (with BOM and CR/LF)', () => {
    const r = classifyScan(`\uFEFF${CCCD}\r\n`);
    expect(r.kind).toBe('cccd');
    if (r.kind === 'cccd') {
      expect(r.person.name).toBe('Nguyễn Văn An');
      expect(r.person.idNumber).toBe('038095001234');
      expect(r.issueDate).toBe('2021-08-15');
    }
  });

  it('recognises the chat-app CCCD copy', () => {
    const r = classifyScan('038195001234|Trần Thị Bình|07/03/1995|Nữ|Thọ Dân|15/08/2021');
    expect(r.kind === 'cccd' && r.person.birthDate).toBe('1995-03-07');
  });

  it('recognises the national health QR, masked or not', () => {
    const masked = classifyScan('******001234|NGUYEN VAN AN|1995-**-**|1|Q1|E');
    expect(masked.kind === 'national' && masked.person.idMasked).toBe('******001234');
    expect(masked.kind === 'national' && masked.declaredBy).toBe('behalf');
    const plain = classifyScan('038095001234|NGUYEN VAN AN|1995-01-01|0|Q1|E');
    expect(plain.kind).toBe('national');
    expect(plain.kind === 'national' && plain.person.idNumber).toBe('038095001234');
  });

  it('recognises our poster URL on any host', () => {
    expect(
      classifyScan('https://tram.trieuson.gov.vn/c/TS-CHO-NUA?s=AbC123_-', 'https://tram.trieuson.gov.vn'),
    ).toEqual({
      kind: 'poster',
      checkpointCode: 'TS-CHO-NUA',
      url: 'https://tram.trieuson.gov.vn/c/TS-CHO-NUA?s=AbC123_-',
    });
    const other = classifyScan('http://192.168.1.10:8080/c/ABC42/?s=x&v=1');
    expect(other).toEqual({
      kind: 'poster',
      checkpointCode: 'ABC42',
      url: 'http://192.168.1.10:8080/c/ABC42/?s=x&v=1',
    });
  });

  it('treats a /c/ link without signature as a plain URL', () => {
    expect(classifyScan('https://tram.example/c/ABC42').kind).toBe('url');
  });

  it('recognises our enrolment URL', () => {
    expect(classifyScan('https://tram.example/enrol?code=K7Q2-9XZP')).toEqual({
      kind: 'enrol',
      url: 'https://tram.example/enrol?code=K7Q2-9XZP',
    });
    expect(classifyScan('https://other.host/enrol#K7Q2').kind).toBe('enrol');
  });

  it('recognises any other web link', () => {
    expect(classifyScan('https://www.facebook.com/groups/123?ref=share')).toEqual({
      kind: 'url',
      url: 'https://www.facebook.com/groups/123?ref=share',
    });
    expect(classifyScan('HTTP://EXAMPLE.COM/Path')).toEqual({ kind: 'url', url: 'http://example.com/Path' });
  });

  it('recognises a VietQR payment code', () => {
    expect(classifyScan(VIETQR)).toEqual({ kind: 'bank' });
  });

  it('does not treat a bare CCCD number as a CCCD scan', () => {
    expect(classifyScan('038095001234')).toEqual({ kind: 'unknown', reason: 'unrecognised' });
  });

  it('says empty, too long and unrecognised', () => {
    expect(classifyScan('')).toEqual({ kind: 'unknown', reason: 'empty' });
    expect(classifyScan('\uFEFF \r\n\t')).toEqual({ kind: 'unknown', reason: 'empty' });
    expect(classifyScan('x'.repeat(2001))).toEqual({ kind: 'unknown', reason: 'too_long' });
    expect(classifyScan(`  ${'x'.repeat(2000)}\r\n`).kind).toBe('unknown');
    expect(classifyScan('hello world')).toEqual({ kind: 'unknown', reason: 'unrecognised' });
    expect(classifyScan('ftp://example.com/file')).toEqual({ kind: 'unknown', reason: 'unrecognised' });
    expect(classifyScan('a|b|c|d|e|f')).toEqual({ kind: 'unknown', reason: 'unrecognised' });
  });
});
