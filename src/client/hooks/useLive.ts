/** Keeps a component in step with a data-layer query across tabs and the service worker. */
import { useEffect, useState } from 'preact/hooks';
import { observe } from '../data';

/** Runs `query` and re-runs it whenever what it read changes; `initial` until the first answer. */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => observe(query, setValue), deps);
  return value;
}
