/**
 * What a request path looks like once every spelling trick is undone: percent-decoded (repeatedly),
 * backslashes as slashes, doubled slashes and `.` segments collapsed, lower case. Used only to decide
 * which kind of "not found" answer to give (an API 404 instead of the SPA page); access decisions are
 * made by the matched route (auth/console-guard.ts), never by this.
 */
import { pathOnly } from './logging';

/** The canonical, lower-case form of a request URL's path. */
function canonicalPath(url: string | undefined): string {
  let path = pathOnly(url);
  for (let i = 0; i < 3; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      break;
    }
    if (decoded === path) break;
    path = decoded;
  }
  path = path.replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '.' || segment === '') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`.toLowerCase();
}

/** True when a path, however spelled, is under `/api` (or is `/api`). */
export function isApiPath(url: string | undefined): boolean {
  const path = canonicalPath(url);
  return path === '/api' || path.startsWith('/api/');
}
