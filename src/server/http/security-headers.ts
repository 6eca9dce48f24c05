/**
 * Security headers on every answer, set by the app itself (@fastify/helmet), not only by a proxy:
 * a Content-Security-Policy that fits the PWA and the console (own origin only; the zxing-wasm
 * decoder needs 'wasm-unsafe-eval'; the decoder runs in a module Worker from our origin; QR codes
 * are inline SVG, downloads blob: URLs), no framing, nosniff, no Referer, HSTS only when the public
 * URL is https (an http deployment would otherwise lock browsers out).
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** The CSP directives for a server reached at `publicUrl`. */
function cspDirectives(publicUrl: string): Record<string, string[]> {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'media-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  if (publicUrl.startsWith('https:')) directives['upgrade-insecure-requests'] = [];
  return directives;
}

/** Registers the headers for every route (call before registering routes). */
export async function registerSecurityHeaders(app: FastifyInstance, publicUrl: string): Promise<void> {
  const https = publicUrl.startsWith('https:');
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(publicUrl) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    xContentTypeOptions: true,
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  });
}
