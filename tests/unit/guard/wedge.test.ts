import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWedgeReader } from '../../../src/client/guard/useWedge';

function typeInto(reader: ReturnType<typeof createWedgeReader>, text: string, clock: { t: number }, gapMs = 5) {
  for (const key of text) {
    clock.t += gapMs;
    reader.key(key);
  }
}

describe('keyboard-wedge reader', () => {
  afterEach(() => void vi.useRealTimers());

  it('emits a fast burst ending in Enter as one scan', () => {
    const clock = { t: 0 };
    const scans: string[] = [];
    const reader = createWedgeReader(
      (s) => scans.push(s),
      () => clock.t,
    );
    typeInto(reader, 'TQ1:k3m9x2p7qa|An', clock);
    reader.key('Enter');
    expect(scans).toEqual(['TQ1:k3m9x2p7qa|An']);
  });

  it('ignores slow human typing', () => {
    const clock = { t: 0 };
    const scans: string[] = [];
    const reader = createWedgeReader(
      (s) => scans.push(s),
      () => clock.t,
    );
    typeInto(reader, 'hello world', clock, 700);
    reader.key('Enter');
    expect(scans).toEqual([]);
  });

  it('completes a CCCD payload without Enter after a short silence', () => {
    vi.useFakeTimers();
    const clock = { t: 0 };
    const scans: string[] = [];
    const reader = createWedgeReader(
      (s) => scans.push(s),
      () => clock.t,
    );
    typeInto(reader, '038095001234||Nguy?n V?n An|01011995|Nam|Th?n 3|15082021', clock);
    expect(scans).toEqual([]);
    vi.advanceTimersByTime(250);
    expect(scans).toEqual(['038095001234||Nguy?n V?n An|01011995|Nam|Th?n 3|15082021']);
  });
});
