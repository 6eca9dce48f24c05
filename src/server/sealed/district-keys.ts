/**
 * The district key pairs check-ins are sealed to. They live outside the database, one JSON file per key
 * in a directory with tight permissions (0700, files 0600): `<data dir>/district-keys` by default, or
 * `DISTRICT_KEY_DIR`. The newest file is the key devices seal to; older ones stay to unseal what was
 * queued before a rotation. Back the directory up apart from the database (docs/security.md).
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDistrictKeyPair, type DistrictPublicKey } from '../../shared/sealed/hpke';
import { createUnsealPool, type OpenRequest } from './unseal-pool';
import { x25519HalfOf } from './x25519-half';

interface KeyFile {
  kid: string;
  createdAt: number;
  publicKey: string;
  privateKey: string;
}

/** What the server does with its district keys. */
export interface DistrictKeyring {
  /** The key devices seal to now. */
  current: DistrictPublicKey;
  /** Every key id it can unseal, newest first. */
  kids: string[];
  /** Opens sealed boxes (over the unseal threads); each null when no key of its id is held or it does not open. */
  openMany(requests: OpenRequest[]): Promise<(string | null)[]>;
  /** Stops the unseal threads. */
  close(): Promise<void>;
}

const FILE = /^district-key-([0-9a-z-]{1,64})\.json$/;

/** Reads every key file of `dir`, newest first. */
function readKeyFiles(dir: string): KeyFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => FILE.test(name))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as KeyFile)
    .sort((a, b) => b.createdAt - a.createdAt || (a.kid < b.kid ? 1 : -1));
}

/** Makes a new key pair in `dir` (the new current key); returns its public half. */
export async function createDistrictKey(dir: string, now = Date.now()): Promise<DistrictPublicKey> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const pair = await generateDistrictKeyPair();
  const kid = `k${now.toString(36)}`;
  const file: KeyFile = { kid, createdAt: now, ...pair };
  const path = join(dir, `district-key-${kid}.json`);
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { kid, publicKey: pair.publicKey, x25519: (await x25519HalfOf(pair.privateKey)).publicKey };
}

/** The public keys held in `dir`, newest first (for the CLI's listing). */
export function listDistrictKeys(dir: string): { kid: string; createdAt: number; publicKey: string }[] {
  return readKeyFiles(dir).map(({ kid, createdAt, publicKey }) => ({ kid, createdAt, publicKey }));
}

/** How the keyring opens sealed boxes. */
interface OpeningOptions {
  /** Worker threads (0: the calling thread). */
  threads: number;
  /** Hears of an unseal thread that could not start or stopped. */
  onFailure?: (message: string) => void;
}

/** Loads the keyring of `dir`, creating the first key pair when there is none (first start). */
export async function loadDistrictKeyring(
  dir: string,
  now = Date.now(),
  opening: OpeningOptions = { threads: 0 },
): Promise<DistrictKeyring> {
  if (readKeyFiles(dir).length === 0) await createDistrictKey(dir, now);
  const files = readKeyFiles(dir);
  const newest = files[0];
  if (!newest) throw new Error(`no district key in ${dir}`);
  const keys = await Promise.all(
    files.map(async (f) => ({ kid: f.kid, privateKey: f.privateKey, x25519: await x25519HalfOf(f.privateKey) })),
  );
  const pool = createUnsealPool(keys, opening.threads, opening.onFailure);
  return {
    current: { kid: newest.kid, publicKey: newest.publicKey, x25519: keys[0]?.x25519.publicKey },
    kids: files.map((f) => f.kid),
    openMany: (requests) => pool.openMany(requests),
    close: () => pool.close(),
  };
}
