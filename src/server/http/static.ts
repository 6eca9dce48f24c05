/**
 * Serves the built PWA: hashed assets cached forever, everything else revalidated, so a new
 * deployment reaches devices through the service worker's update check.
 */
import { relative, sep, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
const CACHE_REVALIDATE = 'no-cache';

/** The Cache-Control header for a file under the static root. */
function cacheControlFor(root: string, file: string): string {
  const rel = relative(root, file).split(sep).join('/');
  if (rel.startsWith('assets/')) return CACHE_IMMUTABLE;
  // sw.js, index.html, *.webmanifest and any other unhashed file: always revalidate.
  return CACHE_REVALIDATE;
}

/** Registers @fastify/static on the root path for a built PWA directory. */
export async function registerStatic(app: FastifyInstance, dir: string): Promise<void> {
  const root = resolve(dir);
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (reply: FastifyReply, path: string) => {
      reply.header('cache-control', cacheControlFor(root, path));
    },
  });
}

/** True when a URL path looks like a client-side route: no file extension in its last segment. */
export function isSpaRoute(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}
