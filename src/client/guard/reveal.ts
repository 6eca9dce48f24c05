/** Brings a fresh result on screen: the guard must see a verdict without scrolling for it. */

/** How long a result is kept on screen while the page above it settles (the sync box updating after a scan). */
const HOLD_MS = 2_000;

/** True when all of `el` is inside the window. */
function inView(el: Element): boolean {
  const box = el.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}

/**
 * Scrolls the least that shows `el` (its top when it is taller than the screen), at once when the phone asks
 * for reduced motion, smoothly otherwise; nothing when it is already in view.
 */
function reveal(el: Element): void {
  if (inView(el)) return;
  const reduced = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  el.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
}

/**
 * Shows `el` now and again if the page above it grows within the next moment (a line added to the sync box
 * pushes it down), unless the guard touches or scrolls the screen meanwhile. Returns the cleanup.
 */
export function revealAndHold(el: Element | null | undefined): () => void {
  if (!el?.scrollIntoView) return () => undefined;
  reveal(el);
  if (typeof ResizeObserver === 'undefined') return () => undefined;
  const observer = new ResizeObserver(() => reveal(el));
  observer.observe(document.body);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    removeEventListener('pointerdown', stop);
    removeEventListener('wheel', stop);
  };
  const timer = setTimeout(stop, HOLD_MS);
  addEventListener('pointerdown', stop, { once: true });
  addEventListener('wheel', stop, { once: true, passive: true });
  return stop;
}
