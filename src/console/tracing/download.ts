/** Downloads an export: POSTs the trace with the CSRF header and saves the answer as a file. */
import { adminRoutes, type TraceRequest as TraceQuery } from '../../shared/console-api';
import { callForFile } from '../api';
import { saveFile } from '../../browser/save-file';

/** Fetches the export and hands it to the browser as a download (a refusal throws the console's ApiError). */
export async function downloadExport(
  query: TraceQuery & { caseName: string },
  format: 'xlsx' | 'csv',
  part: 'contacts' | 'zone' = 'contacts',
  ring: 'f1' | 'f2' = 'f1',
): Promise<void> {
  const { blob, fileName } = await callForFile(adminRoutes.traceExport, { body: { ...query, format, part, ring } });
  saveFile(blob, fileName ?? `truy-vet.${format}`);
}
