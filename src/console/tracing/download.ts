/** Downloads an export: POSTs the trace with the CSRF header and saves the answer as a file. */
import { adminPath, adminRoutes, type TraceRequest as TraceQuery } from '../../shared/console-api';
import { csrfHeaders } from '../api';

/** Fetches the export and hands it to the browser as a download. */
export async function downloadExport(query: TraceQuery, format: 'xlsx' | 'csv', part: 'contacts' | 'zone' = 'contacts'): Promise<void> {
  const res = await fetch(adminPath(adminRoutes.traceExport), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...csrfHeaders() },
    body: JSON.stringify({ ...query, format, part }),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `truy-vet.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
