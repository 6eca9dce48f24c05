/** The visitor screens, loaded on demand in their own chunk (kept off the first screen's JavaScript budget). */
import { lazyComponent } from '../app/lazy';
import type { VisitorAppProps } from '../visitor/VisitorApp';

/** Renders `VisitorApp` once its chunk has loaded (nothing before). */
export const LazyVisitorApp = lazyComponent<VisitorAppProps>(() =>
  import('../visitor/VisitorApp').then((m) => m.VisitorApp),
);
