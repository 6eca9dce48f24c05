import { describe, expect, it } from 'vitest';
import { personKeyOf } from '../../../src/shared/person-key';

describe('person key', () => {
  it('uses a 12-digit CCCD number first', () => {
    expect(personKeyOf({ name: 'Nguyễn Văn An', idNumber: '038095001234', visitorId: 'abc123def' })).toBe(
      'cccd:038095001234',
    );
  });

  it('then the visitor profile id', () => {
    expect(personKeyOf({ name: 'Lê Thị Bình', idNumber: '123456789', visitorId: 'k3x9m2q7v1' })).toBe(
      'visitor:k3x9m2q7v1',
    );
  });

  it('then the visible digits of a masked id with the folded name and birth year', () => {
    expect(personKeyOf({ name: 'NGUYEN VAN AN', idMasked: '******001234', birthDate: '1995-**-**' })).toBe(
      'masked:001234|nguyen van an|1995',
    );
    // The same person scanned from the CCCD-less national QR on another day matches.
    expect(personKeyOf({ name: 'Nguyễn Văn  An', idMasked: '******001234', birthYear: 1995 })).toBe(
      'masked:001234|nguyen van an|1995',
    );
  });

  it('then the phone number, +84 and 0 forms alike', () => {
    expect(personKeyOf({ name: 'Trần Văn Cường', phone: '+84 912 345 678' })).toBe('phone:0912345678');
    expect(personKeyOf({ name: 'Trần Văn Cường', phone: '0912.345.678' })).toBe('phone:0912345678');
  });

  it('finally the folded name and birth year', () => {
    expect(personKeyOf({ name: 'Đỗ Thị Lan', birthYear: 1980 })).toBe('name:do thi lan|1980');
    expect(personKeyOf({ name: 'Đỗ Thị Lan', phone: '09******78' })).toBe('name:do thi lan|?');
  });
});
