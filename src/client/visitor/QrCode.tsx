import { useEffect, useState } from 'preact/hooks';

interface QrCodeProps {
  text: string;
  /** Accessible description of what the code is. */
  label: string;
  class?: string;
}

/** Builds the SVG path of a QR code's dark modules (one `M x y h1v1h-1z` per module, merged per row run). */
function modulesPath(size: number, get: (row: number, col: number) => boolean): string {
  let d = '';
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && get(row, col)) col++;
      d += `M${start + 4} ${row + 4}h${col - start}v1h-${col - start}z`;
    }
  }
  return d;
}

/** A QR code (EC level M, 4-module quiet zone) drawn as crisp SVG; `qrcode` is loaded on first use. */
export function QrCode({ text, label, class: className }: QrCodeProps) {
  const [drawn, setDrawn] = useState<{ text: string; size: number; path: string } | null>(null);
  useEffect(() => {
    let alive = true;
    void import('qrcode').then(({ default: QRCode }) => {
      const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
      const size = qr.modules.size;
      if (alive) setDrawn({ text, size, path: modulesPath(size, (r, c) => Boolean(qr.modules.get(r, c))) });
    });
    return () => {
      alive = false;
    };
  }, [text]);
  if (!drawn || drawn.text !== text) return <div class={`qr ${className ?? ''}`} aria-busy="true" />;
  const box = drawn.size + 8;
  return (
    <svg
      class={`qr ${className ?? ''}`}
      viewBox={`0 0 ${box} ${box}`}
      role="img"
      aria-label={label}
      data-testid="personal-qr"
      data-payload={text}
      shape-rendering="crispEdges"
    >
      <rect width={box} height={box} fill="#fff" />
      <path d={drawn.path} fill="#000" />
    </svg>
  );
}
