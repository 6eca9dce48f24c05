/**
 * What route modules receive from `buildApp`.
 */
import type { Db } from '../db/database';
import type { Ingestor } from '../services/ingest';
import type { PosterSigner } from '../services/poster-signing';
import type { DistrictKeyring } from '../sealed/district-keys';

export interface RouteDeps {
  db: Db;
  /** Stores pushes (owns the group-commit queue). */
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
