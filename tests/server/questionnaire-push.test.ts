import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, type DeviceConfigResponse, type PushResponse } from '../../src/shared/protocol';
import { saveQuestionnaire } from '../../src/server/db/questionnaires-repo';
import { DEFAULT_QUESTIONNAIRE } from '../../src/shared/questionnaire/default';
import { checkIns, push, pushBody, startTestServer, type TestServer } from './helpers';

describe('questionnaire versions reach devices', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  it('tells every push the current version, so a device fetches a new questionnaire at its next sync', async () => {
    const device = await server.enrol();
    const [first, second] = checkIns(server.checkpoint.id, 2);
    const before = (await push(server.app, device.token, pushBody([first]))).json<PushResponse>();
    expect(before.questionnaireVersion).toBe(1);

    await saveQuestionnaire(
      server.db,
      [
        ...DEFAULT_QUESTIONNAIRE.questions,
        { id: 'abroad', kind: 'yesno', group: 'exposure', label: { vi: 'Về từ nước ngoài', en: 'Back from abroad' } },
      ],
      null,
      server.clock.now,
    );

    const after = (await push(server.app, device.token, pushBody([second]))).json<PushResponse>();
    expect(after.questionnaireVersion).toBe(2);
    const config = await server.app.inject({
      method: 'GET',
      url: API.deviceConfig,
      headers: { authorization: `Bearer ${device.token}` },
    });
    const body = config.json<DeviceConfigResponse>();
    expect(body.questionnaire.version).toBe(2);
    expect(body.questionnaire.questions.at(-1)?.id).toBe('abroad');
    expect(body.settings).toEqual({
      repeatWindowMin: 10,
      retentionDays: 28,
      declarationValidDays: 1,
      riskInstruction: '',
      healthPhone: '',
    });
    expect(body.checkpoint).toMatchObject({ code: 'TS-DL-001', status: 'open' });
  });

  it('serves the questionnaire and the poster key to anyone, without personal data', async () => {
    const q = await server.app.inject({ method: 'GET', url: API.questionnaire });
    expect(q.statusCode).toBe(200);
    expect(q.json()).toMatchObject({ version: 1 });
    const key = await server.app.inject({ method: 'GET', url: API.posterKey });
    expect(key.json<{ publicKey: string }>().publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
