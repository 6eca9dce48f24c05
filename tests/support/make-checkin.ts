/** Builds realistic check-ins for tests. */
import { v7 as uuidv7 } from 'uuid';
import type { CheckIn } from '../../src/shared/protocol';

const NAMES = ['Nguyễn Văn An', 'Lê Thị Bình', 'Trần Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang'];

/** A valid check-in at the given checkpoint, with overrides. */
export function makeCheckIn(i: number, overrides: Partial<CheckIn> = {}): CheckIn {
  return {
    id: uuidv7(),
    checkpointId: 'cp-demo',
    kind: 'in',
    source: 'cccd',
    deviceTime: Date.UTC(2026, 10, 28, 8, 0, 0) + i * 1000,
    person: {
      name: NAMES[i % NAMES.length] ?? 'Nguyễn Văn An',
      idNumber: `0380950${String(10000 + i).slice(-5)}`,
      birthYear: 1960 + (i % 50),
      gender: i % 2 ? 'female' : 'male',
      address: 'Thôn 3, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa',
    },
    ...overrides,
  };
}
