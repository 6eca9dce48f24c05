/**
 * A trace as export tables: Vietnamese headers and cell values, shared by XLSX, CSV and the report.
 */
import { sourceLabel } from '../../shared/source-labels';
import type { ContactEntry, TimelineEntry, ZoneEntry } from './tracing-service';
import { secDataDict as d } from '../i18n/dict-sec-data';
import { foldVietnamese } from '../../shared/text/fold';

/** A table: a sheet name, headers and rows of text or numbers; XLSX writes its title, when set, above the headers. */
export interface ExportTable {
  sheet: string;
  title?: string;
  headers: string[];
  rows: (string | number)[][];
}

/** What a trace export is for: the case as the tracer chose it (may be unnamed) and the window asked. */
interface TraceSubject {
  caseName: string | undefined;
  from: number;
  to: number;
  bufferMin: number;
}

const VN_OFFSET_MS = 7 * 3_600_000;

/** A time as Vietnam shows it: `dd/MM/yyyy HH:mm` (UTC+7). */
function vnTime(ms: number): string {
  const d = new Date(ms + VN_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** A Vietnam calendar date, `dd/MM/yyyy`, or `dd/MM` when the year goes without saying. */
function vnDate(ms: number, withYear = true): string {
  return vnTime(ms).slice(0, withYear ? 10 : 5);
}

/** A window's days: "24/11–08/12/2026" (one year), "24/12/2025–08/01/2026", or "08/12/2026" (one day). */
function periodText(from: number, to: number): string {
  const last = Math.max(from, to - 1); // the window ends just after its last minute
  const [a, b] = [vnDate(from), vnDate(last)];
  if (a === b) return a;
  return `${a.slice(6) === b.slice(6) ? vnDate(from, false) : a}–${b}`;
}

/** The title line of a trace sheet: "Danh sách F1 của ca Nguyễn Văn An, 24/11–08/12/2026, khoảng đệm 15 phút". */
function traceTitle(heading: string, s: TraceSubject): string {
  const whose = s.caseName ? ` ${d['export.ofCase'].vi} ${s.caseName}` : '';
  const buffer = `${d['export.buffer'].vi} ${s.bufferMin} ${d['export.minutes'].vi}`;
  return `${heading}${whose}, ${periodText(s.from, s.to)}, ${buffer}`;
}

/** The trace's tables with their title lines: F1, F2, the zone and the case's timeline. */
export function titledTables(
  s: TraceSubject,
  tables: { f1: ExportTable; f2: ExportTable; zone: ExportTable; timeline: ExportTable },
): ExportTable[] {
  return [
    { ...tables.f1, title: traceTitle(d['export.titleF1'].vi, s) },
    { ...tables.f2, title: traceTitle(d['export.titleF2'].vi, s) },
    { ...tables.zone, title: traceTitle(d['export.titleZone'].vi, s) },
    { ...tables.timeline, title: traceTitle(d['export.titleTimeline'].vi, s) },
  ];
}

/** A file name for the export: ASCII, no spaces ("truy-vet-f1-nguyen-van-an-2026-11-24-den-2026-12-08"). */
export function traceFileName(part: string, s: TraceSubject): string {
  const day = (ms: number) => new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
  const name = foldVietnamese(s.caseName ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const last = day(Math.max(s.from, s.to - 1));
  const period = day(s.from) === last ? last : `${day(s.from)}-${d['export.fileUntil'].vi}-${last}`;
  return ['truy-vet', part, name, period].filter(Boolean).join('-');
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
