/**
 * A seeded HTTP fault injector between devices and the real district server (127.0.0.1 only).
 * Everything is forwarded (the PWA talks to its own origin, so the proxy also serves the app); on
 * API requests it injects, at random but reproducibly from a seed: dropped connections before or
 * after the server answered, answers delayed past the client's timeout, 500s (before or after the
 * server committed), 503 with Retry-After, and requests forwarded twice. A dead upstream (server
 * killed) looks to the device like a dropped connection. One proxy per device gives each device its
 * own origin (and so its own IndexedDB); several proxies may share one plan and one target.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seededRandom } from '../../src/shared/seeded-random';

/** Chances per API request (0…1, checked in this order) and timings of each fault. */
export interface FaultPlan {
  /** Destroy the connection without forwarding. */
  dropBefore: number;
  /** Forward, let the server commit, then destroy the connection instead of answering. */
  dropAfter: number;
  /** Forward, then hold the answer `delayMs` (longer than the client's timeout) before sending it. */
  delay: number;
  /** Answer 500 without forwarding. */
  error500: number;
  /** Forward, let the server commit, then answer 500 anyway. */
  error500After: number;
  /** Answer 503 with `Retry-After: retryAfterS` without forwarding. */
  error503: number;
  /** Forward the request twice (a replay); the device gets the second answer. */
  twice: number;
  delayMs: number;
  retryAfterS: number;
}

/** No faults: a transparent proxy. */
export const NO_FAULTS: FaultPlan = {
  dropBefore: 0,
  dropAfter: 0,
  delay: 0,
  error500: 0,
  error500After: 0,
  error503: 0,
  twice: 0,
  delayMs: 0,
  retryAfterS: 1,
};

export type FaultKind =
  'dropBefore' | 'dropAfter' | 'delay' | 'error500' | 'error500After' | 'error503' | 'twice' | 'upstreamDown' | 'clean';

/** State several proxies share: where the server is, what to inject, the dice, and the tally. */
export class FaultControl {
  plan: FaultPlan = { ...NO_FAULTS };
  /** `http://127.0.0.1:PORT` of the real server. */
  target: string;
  /** Which requests faults apply to (default: the sync push only, so the app shell loads). */
  applies: (method: string, path: string) => boolean = (method, path) => method === 'POST' && path === '/api/sync/push';
  readonly counts: Record<FaultKind, number> = {
    dropBefore: 0,
    dropAfter: 0,
    delay: 0,
    error500: 0,
    error500After: 0,
    error503: 0,
    twice: 0,
    upstreamDown: 0,
    clean: 0,
  };
  readonly random: () => number;
  /** Requests that faults apply to, forwarded and not yet answered by the server (for "kill mid-batch"). */
  inflight = 0;

  constructor(target: string, seed: number) {
    this.target = target;
    this.random = seededRandom(seed);
  }

  /** Draws the fault for one request. */
  pick(): FaultKind {
    let roll = this.random();
    for (const kind of [
      'dropBefore',
      'dropAfter',
      'delay',
      'error500',
      'error500After',
      'error503',
      'twice',
    ] as const) {
      if (roll < this.plan[kind]) return kind;
      roll -= this.plan[kind];
    }
    return 'clean';
  }

  /** A one-line summary of the faults injected so far. */
  summary(): string {
    return Object.entries(this.counts)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  }
}

export interface FaultProxyOptions {
  /** Rewrites a response body for a path (e.g. sw.js for a skewed clock or a "new version"). */
  rewrite?: (path: string, body: Buffer) => Buffer | null;
}

export interface FaultProxy {
  /** `http://127.0.0.1:PORT`: open the app and point API devices here. */
  readonly url: string;
  readonly control: FaultControl;
  /** Replaces the response rewriter (e.g. to serve a new sw.js). */
  setRewrite(rewrite: FaultProxyOptions['rewrite']): void;
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'host',
  'upgrade',
  'proxy-connection',
  'accept-encoding',
]);
/** Not forwarded either: a 304 would hide a rewritten body (e.g. a "new" sw.js) from the browser. */
const CONDITIONAL_HEADERS = new Set(['if-none-match', 'if-modified-since']);

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function forward(target: string, req: IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined && !HOP_HEADERS.has(k) && !CONDITIONAL_HEADERS.has(k)) headers[k] = v;
    headers['content-length'] = String(body.length);
    const up = httpRequest(new URL(req.url ?? '/', target), { method: req.method, headers, agent: false }, (res) => {
      readAll(res).then((b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }), reject);
    });
    up.setTimeout(60_000, () => up.destroy(new Error('upstream timeout')));
    up.on('error', reject);
    up.end(body);
  });
}

function send(res: ServerResponse, up: Upstream): void {
  if (res.destroyed) return;
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(up.headers)) if (v !== undefined && !HOP_HEADERS.has(k)) headers[k] = v;
  headers['content-length'] = String(up.body.length);
  res.writeHead(up.status, headers);
  res.end(up.body);
}

function sendJson(res: ServerResponse, status: number, body: object, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...extra,
  });
  res.end(text);
}

/** Starts a fault proxy on a free port of 127.0.0.1 in front of `control.target`. */
export async function startFaultProxy(control: FaultControl, options: FaultProxyOptions = {}): Promise<FaultProxy> {
  let rewrite = options.rewrite;
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readAll(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const kind = control.applies(req.method ?? 'GET', path) ? control.pick() : 'clean';
    const drop = (): void => {
      req.socket.destroy();
    };
    if (kind === 'dropBefore') return void (control.counts.dropBefore++, drop());
    if (kind === 'error500')
      return void (control.counts.error500++, sendJson(res, 500, { error: 'injected', message: 'injected 500' }));
    if (kind === 'error503') {
      control.counts.error503++;
      return sendJson(
        res,
        503,
        { error: 'injected', message: 'injected 503' },
        { 'retry-after': String(control.plan.retryAfterS) },
      );
    }
    let up: Upstream;
    const counted = control.applies(req.method ?? 'GET', path);
    if (counted) control.inflight++;
    try {
      up = await forward(control.target, req, body);
      if (kind === 'twice') up = await forward(control.target, req, body);
    } catch {
      if (counted) control.inflight--;
      control.counts.upstreamDown++;
      return drop();
    }
    if (counted) control.inflight--;
    control.counts[kind]++;
    if (kind === 'dropAfter') return drop();
    if (kind === 'error500After')
      return sendJson(res, 500, { error: 'injected', message: 'injected 500 after commit' });
    const rewritten = rewrite?.(path, up.body);
    if (rewritten)
      up = {
        ...up,
        body: rewritten,
        headers: { ...up.headers, etag: undefined, 'last-modified': undefined, 'content-encoding': undefined },
      };
    if (kind === 'delay') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        send(res, up);
      }, control.plan.delayMs);
      timers.add(timer);
      return;
    }
    send(res, up);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    control,
    setRewrite(next) {
      rewrite = next;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
