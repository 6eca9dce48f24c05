import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { API } from '../../src/shared/protocol';
import { enrolSigned, push, pushBody, startTestServer, T0 } from './helpers';

describe('request logs', () => {
  it('carry no personal data, tokens, codes or query strings', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const s = await startTestServer({ logger: { level: 'info', stream } });
    try {
      const code = await s.issueCode();
      const { token } = await enrolSigned(s.app, code);
      const item = {
        id: '019ac9f0-6c00-7abc-8def-0123456789ab',
        checkpointId: s.checkpoint.id,
        kind: 'in',
        source: 'cccd',
        deviceTime: T0,
        person: { name: 'Trịnh Thị Thu Hương', idNumber: '038195004321', phone: '0987654321' },
      };
      await push(s.app, token, pushBody([item]));
      await push(s.app, token, pushBody([{ ...item, person: { name: 42 } }])); // rejected item
      await s.app.inject({ method: 'GET', url: `/api/enrol?code=${code}&name=Hương` });
      await s.app.inject({
        method: 'POST',
        url: API.push,
        headers: { 'content-type': 'application/json' },
        payload: '{bad json 038195004321',
      });

      const log = lines.join('');
      expect(log).toContain('"path":"/api/sync/push"');
      expect(log).toContain('"statusCode":200');
      expect(log).not.toContain('device-proof');
      for (const secret of [token, code, 'Hương', 'Huong', '038195004321', '0987654321', 'code=', 'name=']) {
        expect(log).not.toContain(secret);
      }
    } finally {
      await s.close();
    }
  });
});
