/**
 * The console's typed client says why a request was refused in the console's language: the reason
 * dictionary for codes, the server's own bilingual message for a weak password; file exports refuse alike.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, call, callForFile } from '../../src/console/api';
import { adminRoutes } from '../../src/shared/console-api';

function answer(status: number, body: unknown): void {
  vi.stubGlobal(
    'fetch',
    async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
}
afterEach(() => void vi.unstubAllGlobals());

describe('console client refusals', () => {
  it('words a reason code from the dictionary, not the server English', async () => {
    answer(403, { error: 'other_commune', message: 'Health station staff see only their own commune.' });
    const error = await call(adminRoutes.outbreakCases).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 403,
      code: 'other_commune',
      message: 'Trạm y tế chỉ xem được người thuộc xã của mình.',
    });
  });

  it('says in Vietnamese that the server cannot be reached, not the browser’s English', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(call(adminRoutes.outbreakCases)).rejects.toMatchObject({
      status: 0,
      code: 'unreachable',
      message: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    });
  });

  it('keeps the detailed Vietnamese reason of a refused password', async () => {
    answer(400, {
      error: 'weak_password',
      reason: 'too_short',
      message: 'Mật khẩu phải dài ít nhất 12 ký tự.',
      messageEn: 'At least 12 characters.',
    });
    await expect(call(adminRoutes.password, { body: { current: 'a', next: 'b' } })).rejects.toMatchObject({
      code: 'weak_password',
      message: 'Mật khẩu phải dài ít nhất 12 ký tự.',
    });
  });

  it('refuses a file export with the same words', async () => {
    answer(403, { error: 'forbidden', message: 'Your account may not do this.' });
    await expect(callForFile(adminRoutes.outbreakReportXlsx, { query: { day: '2026-12-02' } })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Tài khoản của bạn không được làm việc này.',
    });
  });
});
