/** What the tracing API answers, as the console reads it (mirrors src/server/services/trace-service.ts). */
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

export interface Contact {
  personId: string;
  name: string;
  phone: string | null;
  address: string | null;
  idNumber: string | null;
  overlapMin: number;
  places: { checkpointId: string; checkpointName: string; overlapMin: number; first: number; last: number }[];
  via: string[];
}

export interface TimelineEntry {
  checkinId: string;
  checkpointName: string;
  unitName: string;
  start: number;
  end: number;
  endKnown: boolean;
  source: string;
  skewed: boolean;
}

export interface ZoneEntry {
  unitId: string;
  unitName: string;
  contacts: number;
  checkpoints: { checkpointId: string; code: string; name: string; contacts: number; windows: { start: number; end: number; contacts: number }[] }[];
}

export interface TraceResult {
  personKeys: string[];
  timeline: TimelineEntry[];
  f1: Contact[];
  zone: ZoneEntry[];
}

/** The case and window being traced. */
export interface TraceQuery {
  personKeys: string[];
  from: number;
  to: number;
  bufferMin: number;
}

/** A time as `dd/MM HH:mm` in Vietnam. */
export function vnTime(ms: number): string {
  return new Date(ms).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
}
