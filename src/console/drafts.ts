/**
 * What the console keeps in this tab's sessionStorage across a lost session: who was signed in (so the sign-in
 * screen can say the session ended, and another user never sees the drafts) and unsaved form drafts, each under
 * its own key, cleared when saved and when the user signs out.
 */
const DRAFT_PREFIX = 'tram-qr.console.draft.';
const SIGNED_IN = 'tram-qr.console.signed-in';

/** sessionStorage, or null where the browser refuses it (some private windows). */
function store(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** The draft kept under `key`, or null. */
export function loadDraft<T>(key: string): T | null {
  try {
    const text = store()?.getItem(DRAFT_PREFIX + key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

/** Keeps `value` as the draft under `key` (ignored when storage is full or refused). */
export function saveDraft(key: string, value: unknown): void {
  try {
    store()?.setItem(DRAFT_PREFIX + key, JSON.stringify(value));
  } catch {
    // Nothing kept: the form still works, only the draft would not survive a new sign-in.
  }
}

/** Forgets the draft under `key` (after it was saved). */
export function clearDraft(key: string): void {
  store()?.removeItem(DRAFT_PREFIX + key);
}

/** Whether any draft is kept. */
export function hasDrafts(): boolean {
  const s = store();
  if (!s) return false;
  for (let i = 0; i < s.length; i++) if (s.key(i)?.startsWith(DRAFT_PREFIX)) return true;
  return false;
}

/** Forgets every draft. */
function clearAllDrafts(): void {
  const s = store();
  if (!s) return;
  const keys = Array.from({ length: s.length }, (_, i) => s.key(i) ?? '').filter((k) => k.startsWith(DRAFT_PREFIX));
  for (const k of keys) s.removeItem(k);
}

/** Remembers who signed in; another user's sign-in in this tab drops the previous user's drafts. */
export function rememberSignedIn(userId: string): void {
  if (store()?.getItem(SIGNED_IN) !== userId) clearAllDrafts();
  try {
    store()?.setItem(SIGNED_IN, userId);
  } catch {
    // Not remembered: the sign-in screen after an expiry then says nothing more than the plain form.
  }
}

/** Whether someone was signed in in this tab (and did not sign out), i.e. a refusal now means the session ended. */
export function wasSignedIn(): boolean {
  return Boolean(store()?.getItem(SIGNED_IN));
}

/** The user signed out: forget them and their drafts. */
export function forgetSignedIn(): void {
  clearAllDrafts();
  store()?.removeItem(SIGNED_IN);
}
