import { afterEach, describe, expect, it } from 'vitest';
import { API, PROTOCOL_VERSION, type PushResponse } from '../../src/shared/protocol';
import { enrolKeyed, signedPushHeaders } from '../support/device-key';
import { readCheckins, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';
import { checkIns } from './helpers';

let server: ServerProcess | undefined;
afterEach(async () => {
  if (server) {
    await server.stop();
    removeDataDir(server.dataDir);
    server = undefined;
  }
});

describe('the real server process', () => {
  it('keeps an acknowledged check-in through a SIGKILL and a restart', { timeout: 90_000 }, async () => {
    server = await startServerProcess();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.enrolLink).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/enrol#[a-z2-7]{32}$`));

    const code = server.enrolLink?.split('#')[1];
    const device = await enrolKeyed(server.url, code ?? '', 'process test', '0.1.0');
    const { checkpoint } = device;

    const items = checkIns(checkpoint.id, 3);
    const body = JSON.stringify({
      protocol: PROTOCOL_VERSION,
      sentAt: Date.now(),
      appVersion: '0.1.0',
      pending: 3,
      items,
    });
    const send = () =>
      signedPushHeaders(device, body).then((headers) =>
        fetch(`${server?.url}${API.push}`, { method: 'POST', headers, body }),
      );
    const first = (await (await send()).json()) as PushResponse;
    expect(first.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);

    await server.kill('SIGKILL');
    await expect(fetch(`${server.url}${API.health}`)).rejects.toThrow();

    await server.restart();
    expect((await readCheckins(server.dataDir)).map((c) => c.id)).toEqual(items.map((i) => i.id).sort());
    const again = (await (await send()).json()) as PushResponse;
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    // A device is enrolled now, so the restart printed no new demo link.
    expect(server.enrolLink).toBeNull();
    expect(server.output()).not.toContain(device.token);
  });
});
