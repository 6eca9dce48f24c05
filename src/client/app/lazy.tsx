import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * Wraps a dynamically imported component so its code loads only when first rendered
 * (keeps the first screen's JavaScript small; the service worker precaches every chunk).
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function Lazy(props: P): JSX.Element | null {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (component) return;
      let alive = true;
      void load().then((c) => {
        loaded = c;
        if (alive) setComponent(() => c);
      });
      return () => {
        alive = false;
      };
    }, []);
    const Component = component;
    return Component ? <Component {...props} /> : null;
  };
}
