/** Client-side routing for /console/*: the current path as state, and navigation without reloads. */
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<(path: string) => void>();

/** Goes to a console path (pushes history). */
export function navigate(path: string): void {
  history.pushState(null, '', path);
  for (const l of listeners) l(location.pathname);
}

/** The current path; re-renders on navigation and back/forward. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    listeners.add(setPath);
    addEventListener('popstate', onPop);
    return () => {
      listeners.delete(setPath);
      removeEventListener('popstate', onPop);
    };
  }, []);
  return path;
}

/** Matches `/console/checkpoints/:id` style patterns; returns the params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const a = path.replace(/\/+$/, '').split('/');
  if (p.length !== a.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i] ?? '';
    const val = a[i] ?? '';
    if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(val);
    else if (seg !== val) return null;
  }
  return params;
}
