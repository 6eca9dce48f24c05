/**
 * Demo region: Triệu Sơn district, Thanh Hóa province, with its communes as of 2021 and a few
 * realistic checkpoints. Unit codes are this project's short codes, not official statistics codes.
 */
import type { CheckpointType } from '../domain/types';

interface DemoCommune {
  name: string;
  /** Short code used in checkpoint codes, e.g. `DL` → `TS-DL-001`. */
  code: string;
}

export const DEMO_PROVINCE = { name: 'Thanh Hóa', code: 'TH' } as const;
export const DEMO_DISTRICT = { name: 'Huyện Triệu Sơn', code: 'TS' } as const;

export const DEMO_COMMUNES: readonly DemoCommune[] = [
  { name: 'Thị trấn Triệu Sơn', code: 'TTS' },
  { name: 'Thị trấn Nưa', code: 'NUA' },
  { name: 'Xã Dân Lực', code: 'DL' },
  { name: 'Xã Dân Lý', code: 'DLY' },
  { name: 'Xã Dân Quyền', code: 'DQ' },
  { name: 'Xã Thọ Dân', code: 'TD' },
  { name: 'Xã Thọ Thế', code: 'TT' },
  { name: 'Xã Thọ Tân', code: 'TTA' },
  { name: 'Xã Hợp Lý', code: 'HL' },
  { name: 'Xã Hợp Thành', code: 'HT' },
  { name: 'Xã Minh Sơn', code: 'MS' },
  { name: 'Xã Đồng Tiến', code: 'DT' },
  { name: 'Xã Xuân Thịnh', code: 'XT' },
  { name: 'Xã An Nông', code: 'AN' },
  { name: 'Xã Tiến Nông', code: 'TN' },
];

interface DemoCheckpoint {
  code: string;
  communeCode: string;
  name: string;
  type: CheckpointType;
  address: string;
  contactName: string;
  contactPhone: string;
  defaultStayMin: number;
}

/** The checkpoint the CLI prints an enrolment link for. */
export const DEMO_CHECKPOINT_CODE = 'TS-DL-001';

export const DEMO_CHECKPOINTS: readonly DemoCheckpoint[] = [
  {
    code: 'TS-DL-001',
    communeCode: 'DL',
    name: 'UBND xã Dân Lực',
    type: 'office',
    address: 'Thôn 5, xã Dân Lực, huyện Triệu Sơn, Thanh Hóa',
    contactName: 'Lê Văn Hùng',
    contactPhone: '0912 345 601',
    defaultStayMin: 60,
  },
  {
    code: 'TS-NUA-001',
    communeCode: 'NUA',
    name: 'Chợ Nưa',
    type: 'market',
    address: 'Khu phố 2, thị trấn Nưa, huyện Triệu Sơn, Thanh Hóa',
    contactName: 'Nguyễn Thị Hoa',
    contactPhone: '0912 345 602',
    defaultStayMin: 90,
  },
  {
    code: 'TS-TTA-001',
    communeCode: 'TTA',
    name: 'Trường THCS Thọ Tân',
    type: 'school',
    address: 'Thôn 3, xã Thọ Tân, huyện Triệu Sơn, Thanh Hóa',
    contactName: 'Trịnh Văn Nam',
    contactPhone: '0912 345 603',
    defaultStayMin: 240,
  },
  {
    code: 'TS-HT-001',
    communeCode: 'HT',
    name: 'Trạm Y tế xã Hợp Thành',
    type: 'health_station',
    address: 'Thôn 7, xã Hợp Thành, huyện Triệu Sơn, Thanh Hóa',
    contactName: 'Đỗ Thị Lan',
    contactPhone: '0912 345 604',
    defaultStayMin: 45,
  },
  {
    code: 'TS-TTS-001',
    communeCode: 'TTS',
    name: 'UBND thị trấn Triệu Sơn',
    type: 'office',
    address: 'Phố Giắt, thị trấn Triệu Sơn, huyện Triệu Sơn, Thanh Hóa',
    contactName: 'Hoàng Văn Dũng',
    contactPhone: '0912 345 605',
    defaultStayMin: 60,
  },
  {
    code: 'TS-MS-001',
    communeCode: 'MS',
    name: 'Công ty TNHH May Minh Sơn',
    type: 'business',
    address: 'Cụm công nghiệp xã Minh Sơn, huyện Triệu Sơn, Thanh Hóa',
    contactName: 'Phạm Thị Thu',
    contactPhone: '0912 345 606',
    defaultStayMin: 480,
  },
  {
    code: 'TS-DQ-001',
    communeCode: 'DQ',
    name: 'Khu dân cư thôn 4 xã Dân Quyền',
    type: 'residential',
    address: 'Thôn 4, xã Dân Quyền, huyện Triệu Sơn, Thanh Hóa',
    contactName: 'Lê Văn Tuấn',
    contactPhone: '0912 345 607',
    defaultStayMin: 60,
  },
  {
    code: 'TS-XT-001',
    communeCode: 'XT',
    name: 'Trường Tiểu học Xuân Thịnh',
    type: 'school',
    address: 'Thôn 1, xã Xuân Thịnh, huyện Triệu Sơn, Thanh Hóa',
    contactName: 'Nguyễn Thị Mai',
    contactPhone: '0912 345 608',
    defaultStayMin: 240,
  },
];
