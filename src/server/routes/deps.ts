/**
 * What route modules receive from `buildApp`.
 */
import type { Db } from '../db/database';
import type { WriteQueue } from '../db/write-queue';
import type { Ingestor } from '../services/ingest';
import type { PosterSigner } from '../services/poster-signing';
import type { DistrictKeyring } from '../sealed/district-keys';

export interface RouteDeps {
  db: Db;
  /** The database's one write queue (group commit on SQLite): the ingestor stores through it, push proofs are claimed in it. */
  writes: WriteQueue;
  /** Stores pushes. */
  ingestor: Ingestor;
  /** The server clock, ms since the epoch (injectable for tests). */
  now: () => number;
  /** The URL devices and people reach this server at (links, posters). */
  publicUrl: string;
  /** Signs and verifies checkpoint poster links. */
  posterSigner: PosterSigner;
  /** The district key pairs check-ins are sealed to. */
  keyring: DistrictKeyring;
}
