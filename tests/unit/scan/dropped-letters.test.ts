/** Dropped Vietnamese letters from keyboard-wedge scanners: flagged without any `?` in sight. */
import { describe, expect, it } from 'vitest';
import { parseCccd } from '../../../src/shared/scan/cccd';
import { addressHasDroppedLetters, nameHasDroppedLetters } from '../../../src/shared/scan/dropped-letters';
import { DEMO_COMMUNES } from './communes-fixture';

describe('dropped letters', () => {
  it('flags a CCCD whose name and address lost their Vietnamese letters, and keeps the record', () => {
    const result = parseCccd('038070001111||Trnh Vn c|05051970|Nam|Thn 4, X Dn Lc, Huyn Triu Sn, Thanh Ha|15082021');
    expect(result.kind).toBe('cccd');
    if (result.kind !== 'cccd') return;
    expect(result.person).toMatchObject({ idNumber: '038070001111', name: 'Trnh Vn c', birthYear: 1970 });
    expect(result.warnings).toEqual(expect.arrayContaining(['name_garbled', 'address_garbled']));
  });

  it('does not flag the same card read correctly', () => {
    const result = parseCccd(
      '038070001111||Trịnh Văn Đức|05051970|Nam|Thôn 4, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa|15082021',
    );
    expect(result.kind === 'cccd' && result.warnings).toEqual([]);
  });

  it('accepts real names: capitals without marks, minority names, a single vowel word', () => {
    for (const name of [
      'Nguyễn Văn An',
      'NGUYEN VAN AN',
      "H'Hen Niê",
      'Y Moan Êban',
      'Ksor Kpă',
      'Mlô Thị Y',
      'Đỗ Ư',
    ]) {
      expect(nameHasDroppedLetters(name), name).toBe(false);
    }
    for (const name of ['Trnh Vn c', 'L Th Bnh', 'Nguyn Vn Hng']) expect(nameHasDroppedLetters(name), name).toBe(true);
  });

  it('accepts every demo commune and the usual capital abbreviations in addresses', () => {
    for (const commune of DEMO_COMMUNES)
      expect(addressHasDroppedLetters(`Thôn 3, ${commune}, Huyện Triệu Sơn, Thanh Hóa`), commune).toBe(false);
    for (const address of [
      'TDP 5, TT Nưa',
      'Số 12A ngõ 34, P. Ba Đình, TP. Thanh Hóa',
      'KP 2, TX Nghi Sơn',
      'KDC Bắc Sơn',
    ]) {
      expect(addressHasDroppedLetters(address), address).toBe(false);
    }
    expect(addressHasDroppedLetters('Thn 4, X Dn Lc')).toBe(true);
  });
});
