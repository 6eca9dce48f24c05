/**
 * What route modules receive from `buildApp`.
 */
import type { Db } from '../db/database';
import type { Ingestor } from '../services/ingest';
import type { PushWrites } from '../services/push-writes';
import type { PosterSigner } from '../services/poster-signing';
import type { DistrictKeyring } from '../sealed/district-keys';

export interface RouteDeps {
  db: Db;
  /**
   * The push writes (group commits on SQLite, on the writer thread when the server has one): the ingestor stores
   * through them, push proofs are claimed in them.
   */
  writes: PushWrites;
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
