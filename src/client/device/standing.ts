/**
 * The device's standing, told honestly: revoked by the district, checkpoint closed, no network on the
 * device, or a network but no server. One live read shared by the banner, the sync bar and the scan card.
 */
import { useEffect, useState } from 'preact/hooks';
import { getDeviceConfig, getDeviceRevokedAt, getDeviceWipedAt, getSyncStatus, pendingCount } from '../data';
import { useLive } from '../hooks/useLive';

/** Why check-ins are not reaching the server right now (null while they are). */
export type Reach = 'no_network' | 'server_unreachable' | 'server_error' | 'server_busy' | null;

export interface Standing {
  revoked: boolean;
  /** Revoked, and everything on it deleted after the allowed upload: it records nothing more. */
  wiped: boolean;
  closed: boolean;
  pending: number;
  reach: Reach;
}

interface Stored {
  revoked: boolean;
  wiped: boolean;
  closed: boolean;
  pending: number;
  lastError: string | null;
}

async function readStored(): Promise<Stored> {
  const [revokedAt, status, config, pending, wipedAt] = await Promise.all([
    getDeviceRevokedAt(),
    getSyncStatus(),
    getDeviceConfig(),
    pendingCount(),
    getDeviceWipedAt(),
  ]);
  return {
    revoked: revokedAt !== null || status.lastError === 'revoked' || wipedAt !== null,
    wiped: wipedAt !== null,
    closed: config?.checkpoint.status === 'closed',
    pending,
    lastError: status.lastError,
  };
}

/**
 * Sorts the last sync failure: the device's own "no network" is proof; a failed fetch with a network means the server.
 */
export function reachOf(online: boolean, lastError: string | null, pending: number): Reach {
  if (!online) return 'no_network';
  if (pending === 0) return null; // nothing tried since: an old failure says nothing about now
  if (lastError === 'offline' || lastError === 'timeout') return 'server_unreachable';
  if (lastError === 'server_error') return 'server_error';
  if (lastError === 'busy') return 'server_busy';
  return null;
}

/** `navigator.onLine`, kept current: `false` proves there is no network (`true` proves nothing). */
function useOnline(): boolean {
  const [online, setOnline] = useState(() => globalThis.navigator?.onLine ?? true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => (removeEventListener('online', update), removeEventListener('offline', update));
  }, []);
  return online;
}

/** The device's standing, live (null until first read). */
export function useStanding(): Standing | null {
  const stored = useLive(readStored, [], null);
  const online = useOnline();
  if (!stored) return null;
  return {
    revoked: stored.revoked,
    wiped: stored.wiped,
    closed: stored.closed,
    pending: stored.pending,
    reach: reachOf(online, stored.lastError, stored.pending),
  };
}
