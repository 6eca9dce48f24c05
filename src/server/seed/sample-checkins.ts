/**
 * Realistic sample check-ins for one checkpoint (Vietnamese names, Thanh Hóa addresses, CCCD and
 * national-QR identities, health declarations). Deterministic for a seed; used by the ingest
 * benchmark and tests.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CheckIn, Declaration, Person, Source } from '../../shared/protocol';
import { foldVietnamese } from '../../shared/text/fold';
import { seededRandom } from '../../shared/seeded-random';

const FAMILY = [
  'Nguyễn',
  'Lê',
  'Trịnh',
  'Trần',
  'Phạm',
  'Hoàng',
  'Đỗ',
  'Lê',
  'Nguyễn',
  'Vũ',
  'Bùi',
  'Đặng',
  'Hà',
  'Mai',
];
const MIDDLE_M = ['Văn', 'Đức', 'Hữu', 'Minh', 'Xuân', 'Quang', 'Đình', 'Công'];
const MIDDLE_F = ['Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Phương', 'Hồng'];
const GIVEN_M = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hùng',
  'Nam',
  'Quân',
  'Sơn',
  'Tuấn',
  'Việt',
  'Long',
  'Thắng',
  'Hiếu',
  'Đạt',
];
const GIVEN_F = [
  'Hà',
  'Hương',
  'Lan',
  'Mai',
  'Ngọc',
  'Phương',
  'Thảo',
  'Trang',
  'Yến',
  'Huyền',
  'Linh',
  'Nhung',
  'Oanh',
];
const COMMUNES = [
  'Dân Lực',
  'Dân Lý',
  'Dân Quyền',
  'Thọ Dân',
  'Thọ Thế',
  'Thọ Tân',
  'Hợp Lý',
  'Hợp Thành',
  'Minh Sơn',
  'Đồng Tiến',
  'Xuân Thịnh',
  'An Nông',
  'Tiến Nông',
];
const SYMPTOMS = ['fever', 'cough', 'breathless', 'soreThroat', 'nausea', 'diarrhoea', 'tasteSmell'];
const TRAVEL = ['', '', '', 'Thành phố Thanh Hóa', 'Hà Nội', 'Sầm Sơn', 'Huyện Nông Cống', 'Ninh Bình'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function digits(rand: () => number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += Math.floor(rand() * 10);
  return out;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function samplePerson(rand: () => number, source: Source): Person {
  const female = rand() < 0.5;
  const name = `${pick(rand, FAMILY)} ${pick(rand, female ? MIDDLE_F : MIDDLE_M)} ${pick(rand, female ? GIVEN_F : GIVEN_M)}`;
  const year = 1940 + Math.floor(rand() * 70);
  const birthDate = `${year}-${pad2(1 + Math.floor(rand() * 12))}-${pad2(1 + Math.floor(rand() * 28))}`;
  const address = `Thôn ${1 + Math.floor(rand() * 9)}, Xã ${pick(rand, COMMUNES)}, Huyện Triệu Sơn, Thanh Hóa`;
  const phone = `09${digits(rand, 8)}`;
  const gender = female ? 'female' : 'male';
  switch (source) {
    case 'cccd': {
      const genderDigit = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
      return {
        name,
        idNumber: `038${genderDigit}${String(year).slice(2)}${digits(rand, 6)}`,
        birthDate,
        birthYear: year,
        gender,
        address,
      };
    }
    case 'national_qr':
      return {
        name: foldVietnamese(name).toUpperCase(),
        idMasked: `******${digits(rand, 6)}`,
        birthDate: `${year}-**-**`,
        birthYear: year,
      };
    case 'visitor_qr':
      return {
        name,
        visitorId:
          digits(rand, 4) +
          'v' +
          Math.floor(rand() * 1e10)
            .toString(32)
            .padStart(11, 'a'),
        birthYear: year,
        gender,
        phone,
        address,
      };
    default:
      return { name, birthYear: year, gender, phone, address };
  }
}

function sampleDeclaration(rand: () => number, deviceTime: number): Declaration {
  const answers: Declaration['answers'] = {};
  for (const symptom of SYMPTOMS) answers[symptom] = rand() < 0.03;
  answers.contact = rand() < 0.02;
  answers.outbreakArea = rand() < 0.05;
  answers.liveMarket = rand() < 0.1;
  answers.travel = pick(rand, TRAVEL);
  answers.vaccineDoses = Math.floor(rand() * 4);
  answers.consent = true;
  return { version: 3, date: new Date(deviceTime).toISOString().slice(0, 10), answers };
}

interface SampleOptions {
  checkpointId: string;
  count: number;
  /** Device time of the first check-in (ms). */
  startTime: number;
  seed?: number;
}

/** Generates `count` valid check-ins at one checkpoint, a few seconds apart: mostly `in`, some `out`. */
export function sampleCheckIns(options: SampleOptions): CheckIn[] {
  const rand = seededRandom(options.seed ?? 1);
  const out: CheckIn[] = [];
  let time = options.startTime;
  for (let i = 0; i < options.count; i++) {
    time += 1_000 + Math.floor(rand() * 20_000);
    const previous = out[Math.floor(rand() * out.length)];
    if (previous && previous.kind === 'in' && rand() < 0.1) {
      out.push({
        ...previous,
        id: uuidv7({ msecs: time }),
        kind: 'out',
        ref: previous.id,
        deviceTime: time,
        declaration: undefined,
      });
      continue;
    }
    const r = rand();
    const source: Source =
      r < 0.45
        ? 'cccd'
        : r < 0.65
          ? 'visitor_qr'
          : r < 0.75
            ? 'national_qr'
            : r < 0.87
              ? 'manual'
              : r < 0.94
                ? 'on_behalf'
                : 'paper';
    const item: CheckIn = {
      id: uuidv7({ msecs: time }),
      checkpointId: options.checkpointId,
      kind: 'in',
      source,
      deviceTime: time,
      person: samplePerson(rand, source),
      declaration: rand() < 0.85 ? sampleDeclaration(rand, time) : undefined,
    };
    if (source === 'paper') item.paper = { sheet: `P-${1 + Math.floor(i / 25)}`, row: 1 + (i % 25) };
    if (source === 'national_qr')
      item.ext = `${digits(rand, 10)}<${Math.floor(rand() * 3)}<HS4383${digits(rand, 9)}<09******${digits(rand, 2)}<${digits(rand, 16)}`;
    out.push(item);
  }
  return out;
}
