/** The demo district's communes (GUIDE §1), as they appear in addresses. */
export const DEMO_COMMUNES = [
  'Thị trấn Triệu Sơn',
  'Thị trấn Nưa',
  'Xã Dân Lực',
  'Xã Dân Lý',
  'Xã Dân Quyền',
  'Xã Thọ Dân',
  'Xã Thọ Thế',
  'Xã Thọ Tân',
  'Xã Hợp Lý',
  'Xã Hợp Thành',
  'Xã Minh Sơn',
  'Xã Đồng Tiến',
  'Xã Xuân Thịnh',
  'Xã An Nông',
  'Xã Tiến Nông',
];
