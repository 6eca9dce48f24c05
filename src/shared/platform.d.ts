/**
 * The web-platform globals src/shared may use: the part of the API that Node ≥ 20, browsers and service
 * workers all provide (WinterCG's common minimum), declared as narrowly as shared code needs it. The
 * shared project has neither DOM nor Node types, so anything else (window, document, Buffer, process)
 * fails to compile here. Consumers see their own runtime's full declarations of the same names.
 */

declare class URL {
  constructor(url: string, base?: string | URL);
  readonly origin: string;
  readonly pathname: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly search: string;
  readonly hash: string;
  readonly searchParams: URLSearchParams;
  href: string;
  toString(): string;
}

declare class URLSearchParams {
  constructor(init?: string | Record<string, string> | [string, string][]);
  get(name: string): string | null;
  has(name: string): boolean;
  set(name: string, value: string): void;
  append(name: string, value: string): void;
  toString(): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}

declare function btoa(data: string): string;
declare function atob(data: string): string;

interface CryptoKey {
  readonly type: string;
}

interface CryptoKeyPair {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
}

interface JsonWebKey {
  kty?: string;
  crv?: string;
  x?: string;
  y?: string;
  d?: string;
  ext?: boolean;
}

interface SubtleCrypto {
  importKey(
    format: 'raw',
    keyData: BufferSource,
    algorithm: { name: string },
    extractable: boolean,
    keyUsages: string[],
  ): Promise<CryptoKey>;
  importKey(
    format: 'jwk',
    keyData: JsonWebKey,
    algorithm: { name: string; namedCurve?: string },
    extractable: boolean,
    keyUsages: string[],
  ): Promise<CryptoKey>;
  verify(
    algorithm: { name: string; hash?: string },
    key: CryptoKey,
    signature: BufferSource,
    data: BufferSource,
  ): Promise<boolean>;
  sign(algorithm: { name: string; hash?: string }, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>;
  digest(algorithm: string, data: BufferSource): Promise<ArrayBuffer>;
  generateKey(
    algorithm: { name: string; namedCurve: string },
    extractable: boolean,
    keyUsages: string[],
  ): Promise<CryptoKeyPair>;
  exportKey(format: 'jwk', key: CryptoKey): Promise<JsonWebKey>;
}

type BufferSource = ArrayBufferView<ArrayBuffer> | ArrayBuffer;

declare var crypto: {
  getRandomValues<T extends ArrayBufferView>(array: T): T;
  readonly subtle: SubtleCrypto;
};

declare class AbortSignal {
  readonly aborted: boolean;
}

declare class AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

declare function setTimeout(handler: () => void, timeout?: number): unknown;
declare function clearTimeout(id: unknown): void;

interface Headers {
  get(name: string): string | null;
}

interface Response {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: Headers;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  cache?: 'no-store' | 'default' | 'no-cache' | 'reload' | 'force-cache' | 'only-if-cached';
}

declare function fetch(input: string, init?: RequestInit): Promise<Response>;
