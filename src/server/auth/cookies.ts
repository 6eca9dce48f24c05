/**
 * The console session cookie: HttpOnly, SameSite=Strict, Path=/, Secure when the server is reached over HTTPS.
 */
export const SESSION_COOKIE = 'tq_session';
/** How long a console session lasts without signing in again. */
export const SESSION_TTL_MS = 12 * 3_600_000;

/** The value of one cookie from a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** The Set-Cookie value that stores (or, with a null value, clears) the session cookie. */
export function sessionCookie(value: string | null, publicUrl: string): string {
  const secure = publicUrl.startsWith('https:') ? '; Secure' : '';
  const life = value === null ? '; Max-Age=0' : `; Max-Age=${Math.floor(SESSION_TTL_MS / 1000)}`;
  return `${SESSION_COOKIE}=${value ?? ''}; HttpOnly; SameSite=Strict; Path=/${life}${secure}`;
}
