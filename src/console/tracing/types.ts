/** What the tracing API answers, as the console reads it (the trace result shapes live in src/shared/trace-api.ts). */
export interface PersonRecord {
  personKey: string;
  name: string;
  idNumber: string | null;
  idMasked: string | null;
  birthYear: number | null;
  phone: string | null;
  address: string | null;
  visits: number;
  lastSeen: number;
  sources: string[];
  groupKey: string;
  mergedKeys: string[];
}

export type { ContactEntry as Contact, TimelineEntry, TraceResult, ZoneEntry } from '../../shared/trace-api';

/** The case and window being traced. */
export interface TraceQuery {
  personKeys: string[];
  from: number;
  to: number;
  bufferMin: number;
  /** Risk at the door: only contacts who declared symptoms or an exposure. */
  riskOnly?: boolean;
}

/** A time as `dd/MM HH:mm` in Vietnam. */
export function vnTime(ms: number): string {
  return new Date(ms).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
}
