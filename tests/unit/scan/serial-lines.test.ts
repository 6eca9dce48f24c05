/** Serial-mode scanners: bytes in arbitrary chunks become one scan per line, Vietnamese letters intact. */
import { describe, expect, it } from 'vitest';
import { createLineFramer, pumpLines } from '../../../src/client/scan/serial-lines';

const CCCD = '038070001111||Trịnh Văn Đức|05051970|Nam|Thôn 4, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa|15082021';

/** A fake serial port's readable side: the given byte chunks, then the end (optionally pausing between chunks). */
function fakeStream(chunks: Uint8Array[], pauseMs = 0): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      const chunk = chunks[i++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

/** Cuts bytes into pieces of `size` (splitting multi-byte characters on purpose). */
function cut(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.slice(i, i + size));
  return out;
}

describe('serial scanner framing', () => {
  it('decodes UTF-8 split across chunks and frames CR, LF and CRLF', async () => {
    const bytes = new TextEncoder().encode(`${CCCD}\r\nTQ1:abc\rsecond line\n\n`);
    for (const size of [1, 3, 7, 64]) {
      const lines: string[] = [];
      await pumpLines(fakeStream(cut(bytes, size)), (l) => lines.push(l));
      expect(lines, `chunks of ${size}`).toEqual([CCCD, 'TQ1:abc', 'second line']);
    }
  });

  it('passes a CCCD payload without terminator after a silence, and flushes the rest at the end', async () => {
    const lines: string[] = [];
    const bytes = new TextEncoder().encode(CCCD);
    await pumpLines(fakeStream([bytes, new TextEncoder().encode('tail')], 60), (l) => lines.push(l), 20);
    expect(lines).toEqual([CCCD, 'tail']);
  });

  it('does not cut an incomplete payload on silence', () => {
    const lines: string[] = [];
    const framer = createLineFramer((l) => lines.push(l));
    framer.push('038070001111||Trịnh Văn');
    framer.idle();
    expect(lines).toEqual([]);
    framer.push(' Đức|05051970|Nam|Thôn 4|15082021');
    framer.idle();
    expect(lines).toEqual(['038070001111||Trịnh Văn Đức|05051970|Nam|Thôn 4|15082021']);
  });
});
