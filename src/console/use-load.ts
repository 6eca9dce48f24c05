/** Loads one API resource for a component: data, error text, and a reload function. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AdminRoute } from '../shared/console-api';
import { call } from './api';

interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload: () => void;
}

interface Answer<T> {
  key: string;
  data: T | null;
  error: string | null;
}

/**
 * GETs a route on mount and whenever its parameters or query change. The answer belongs to the parameters it was asked
 * with: while another day or case is loading, `data` is null rather than the previous one's figures under the new
 * heading (a report printed then would carry the wrong day). A `reload` keeps the shown data until the new one comes.
 */
export function useLoad<T>(
  route: AdminRoute<T, unknown>,
  params?: Record<string, string>,
  query?: Record<string, string>,
): Loaded<T> {
  const key = JSON.stringify([route.pattern, params, query]);
  const [answer, setAnswer] = useState<Answer<T>>({ key: '', data: null, error: null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    call(route, { params, query }).then(
      (data) => live && setAnswer({ key, data, error: null }),
      (e: unknown) =>
        live &&
        setAnswer((a) => ({
          key,
          data: a.key === key ? a.data : null,
          error: e instanceof Error ? e.message : String(e),
        })),
    );
    return () => {
      live = false;
    };
    // `key` stands for route, params and query (fresh objects on every render)
  }, [key, tick]);
  const mine = answer.key === key;
  return {
    data: mine ? answer.data : null,
    error: mine ? answer.error : null,
    reload: useCallback(() => setTick((n) => n + 1), []),
  };
}
