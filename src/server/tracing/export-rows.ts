/**
 * A trace as export tables: Vietnamese headers and cell values, shared by XLSX, CSV and the report.
 */
import { sourceLabel } from '../../shared/source-labels';
import type { ContactEntry, TimelineEntry, ZoneEntry } from './tracing-service';
import { secDataDict as d } from '../i18n/dict-sec-data';

/** A table: a sheet name, headers and rows of text or numbers. */
export interface ExportTable {
  sheet: string;
  headers: string[];
  rows: (string | number)[][];
}

const VN_OFFSET_MS = 7 * 3_600_000;

/** A time as Vietnam shows it: `dd/MM/yyyy HH:mm` (UTC+7). */
function vnTime(ms: number): string {
  const d = new Date(ms + VN_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** The contact list (F1, or F2 with the F1 people they met). */
export function contactsTable(
  contacts: readonly ContactEntry[],
  ring: 'f1' | 'f2',
  namesById: ReadonlyMap<string, string> = new Map(),
): ExportTable {
  const headers = [
    'STT',
    'Họ và tên',
    'Số giấy tờ',
    'Năm sinh',
    'Số điện thoại',
    'Địa chỉ',
    'Điểm kiểm tra',
    'Số phút tiếp xúc',
    'Tiếp xúc từ',
    'Tiếp xúc đến',
  ];
  if (ring === 'f2') headers.push('Tiếp xúc với (F1)');
  headers.push(d['export.unverifiedHeader'].vi, d['export.fromRevokedHeader'].vi);
  const rows = contacts.map((c, i) => {
    const first = Math.min(...c.places.map((p) => p.first));
    const last = Math.max(...c.places.map((p) => p.last));
    const row: (string | number)[] = [
      i + 1,
      c.name,
      c.idNumber ?? '',
      c.birthYear ?? '',
      c.phone ?? '',
      c.address ?? '',
      c.places.map((p) => `${p.checkpointName} (${p.overlapMin} phút)`).join('; '),
      c.overlapMin,
      vnTime(first),
      vnTime(last),
    ];
    if (ring === 'f2') row.push((c.viaNames ?? c.via.map((id) => namesById.get(id) ?? id)).join('; '));
    // What a tracer must weigh: a contact resting only on self-declared check-ins, or on a revoked device's.
    row.push(c.selfOnly ? d['export.unverified'].vi : '', c.fromRevokedDevice ? d['export.fromRevoked'].vi : '');
    return row;
  });
  return { sheet: ring === 'f1' ? 'Danh sách F1' : 'Danh sách F2', headers, rows };
}

/** The narrow zone: one row per checkpoint time window, grouped by commune. */
export function zoneTable(zone: readonly ZoneEntry[]): ExportTable {
  const rows: (string | number)[][] = [];
  for (const commune of zone) {
    for (const cp of commune.checkpoints) {
      for (const w of cp.windows)
        rows.push([commune.unitName, cp.name, cp.code, vnTime(w.start), vnTime(w.end), w.contacts]);
    }
  }
  return {
    sheet: 'Vùng khoanh',
    headers: ['Xã/phường', 'Điểm kiểm tra', 'Mã điểm', 'Từ', 'Đến', 'Số người tiếp xúc'],
    rows,
  };
}

/** The case's visits in the window. */
export function timelineTable(timeline: readonly TimelineEntry[]): ExportTable {
  return {
    sheet: 'Lịch trình ca bệnh',
    headers: [
      'Điểm kiểm tra',
      'Xã/phường',
      'Giờ vào',
      'Giờ ra',
      'Giờ ra ước tính',
      'Nguồn',
      'Đã chỉnh giờ thiết bị',
      d['export.fromRevokedHeader'].vi,
    ],
    rows: timeline.map((t) => [
      t.checkpointName,
      t.unitName,
      vnTime(t.start),
      vnTime(t.end),
      t.endKnown ? 'Không' : 'Có',
      sourceLabel(t.source),
      t.skewed ? 'Có' : 'Không',
      t.fromRevokedDevice ? d['export.yes'].vi : d['export.no'].vi,
    ]),
  };
}
