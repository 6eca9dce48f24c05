/** Loads one API resource for a component: data, error text, and a reload function. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AdminRoute } from '../shared/console-api';
import { call } from './api';

interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload: () => void;
}

/** GETs a route on mount and whenever its parameters or query change. */
export function useLoad<T>(
  route: AdminRoute<T, unknown>,
  params?: Record<string, string>,
  query?: Record<string, string>,
): Loaded<T> {
  const key = JSON.stringify([route.pattern, params, query]);
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    call(route, { params, query }).then(
      (d) => live && (setData(d), setError(null)),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
    // `key` stands for route, params and query (fresh objects on every render)
  }, [key, tick]);
  return { data, error, reload: useCallback(() => setTick((n) => n + 1), []) };
}
