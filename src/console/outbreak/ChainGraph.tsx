/**
 * The chain drawn as SVG from an elkjs layered layout: cases red, contacts green, each cluster a tinted
 * frame, edges labelled with checkpoint and date (or the relationship); downloads as SVG or PNG.
 */
import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { saveFile } from '../../browser/save-file';
import type { Chain } from '../../shared/outbreak-api';

interface ChainGraphProps {
  chain: Chain;
}

const NODE_W = 150;
const NODE_H = 40;
const TINTS = ['#fdecea', '#e8f1fb', '#eef7ee', '#fdf5e6', '#f3ecf8'];

interface Laid {
  width: number;
  height: number;
  nodes: Map<string, { x: number; y: number }>;
  edges: Map<string, { points: { x: number; y: number }[] }>;
}

async function layout(chain: Chain): Promise<Laid> {
  const elk = new ELK();
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': '30',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.edgeLabels.inline': 'false',
    },
    children: chain.nodes.map((n) => ({ id: n.id, width: NODE_W, height: NODE_H })),
    edges: chain.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const out = await elk.layout(graph);
  const nodes = new Map((out.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  const edges = new Map(
    (out.edges ?? []).map((e) => {
      const s = e.sections?.[0];
      return [e.id, { points: s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [] }];
    }),
  );
  return { width: (out.width ?? 0) + 140, height: (out.height ?? 0) + 20, nodes, edges };
}

/** The graph with its legend and export buttons. */
export function ChainGraph({ chain }: ChainGraphProps) {
  const [laid, setLaid] = useState<Laid | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    let live = true;
    void layout(chain).then((l) => live && setLaid(l));
    return () => void (live = false);
  }, [chain]);
  if (!laid) return <p>{t('common.loading')}</p>;
  const clusters = [...new Set(chain.nodes.map((n) => n.cluster))];
  const svgText = () => new XMLSerializer().serializeToString(svg.current!);
  const png = () => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = laid.width * 2;
      canvas.height = laid.height * 2;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0);
      canvas.toBlob((b) => b && saveFile(b, 'chuoi-lay-nhiem.png'), 'image/png');
    };
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText())}`;
  };
  const box = (cluster: string) => {
    const ps = chain.nodes.filter((n) => n.cluster === cluster).map((n) => laid.nodes.get(n.id)!);
    const x = Math.min(...ps.map((p) => p.x)) - 6;
    const y = Math.min(...ps.map((p) => p.y)) - 6;
    return {
      x,
      y,
      w: Math.max(...ps.map((p) => p.x)) + NODE_W + 6 - x,
      h: Math.max(...ps.map((p) => p.y)) + NODE_H + 6 - y,
    };
  };
  return (
    <div class="ob-chain">
      <p class="no-print">
        <button
          type="button"
          onClick={() => saveFile(new Blob([svgText()], { type: 'image/svg+xml' }), 'chuoi-lay-nhiem.svg')}
        >
          {t('ob.exportSvg')}
        </button>{' '}
        <button type="button" onClick={png}>
          {t('ob.exportPng')}
        </button>{' '}
        <span class="swatch" style="background:#b5222b" /> {t('ob.legendCase')}{' '}
        <span class="swatch" style="background:#2f8f5b" /> {t('ob.legendContact')}
      </p>
      <svg
        ref={svg}
        xmlns="http://www.w3.org/2000/svg"
        width={laid.width}
        height={laid.height}
        viewBox={`0 0 ${laid.width} ${laid.height}`}
        font-family="sans-serif"
        data-testid="ob-chain"
      >
        {clusters.map((c, i) => {
          const b = box(c);
          return (
            <g key={c} data-cluster={c}>
              <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={8} fill={TINTS[i % TINTS.length]} stroke="#ccc" />
              <text x={b.x + 4} y={b.y + b.h - 4} font-size="10" fill="#555">
                {t('ob.cluster', { name: c })}
              </text>
            </g>
          );
        })}
        {chain.edges.map((e) => {
          const pts = laid.edges.get(e.id)?.points ?? [];
          const mid = pts[Math.floor(pts.length / 2)] ?? { x: 0, y: 0 };
          const label = `${e.checkpointName ?? t(`ob.rel.${e.relationship ?? 'other'}`)} · ${e.date.slice(8)}/${e.date.slice(5, 7)}`;
          return (
            <g key={e.id} class="ob-edge" data-source={e.source} data-target={e.target} data-label={label}>
              <polyline
                points={pts.map((p) => `${p.x},${p.y}`).join(' ')}
                fill="none"
                stroke="#666"
                stroke-width="1.5"
                stroke-dasharray={e.relationship ? '5 3' : undefined}
              />
              <text x={mid.x + 4} y={mid.y - 4} font-size="10" fill="#333">
                {label}
              </text>
            </g>
          );
        })}
        {chain.nodes.map((n) => {
          const p = laid.nodes.get(n.id)!;
          return (
            <g key={n.id} class="ob-node" data-kind={n.kind} data-name={n.name}>
              <rect
                x={p.x}
                y={p.y}
                width={NODE_W}
                height={NODE_H}
                rx={6}
                fill={n.kind === 'case' ? '#b5222b' : '#2f8f5b'}
              />
              <text x={p.x + NODE_W / 2} y={p.y + 16} font-size="12" fill="#fff" text-anchor="middle">
                {n.name}
              </text>
              <text x={p.x + NODE_W / 2} y={p.y + 31} font-size="10" fill="#fff" text-anchor="middle">
                {n.unitName}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
