/** Issue 12: the audit log in words — every action the server audits has a sentence, details are never raw JSON. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionInWords, detailInWords } from '../../src/console/audit/audit-words';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : [],
  );
}

describe('audit log in words', () => {
  it('has a Vietnamese sentence for every action the server writes', () => {
    const actions = new Set<string>();
    for (const file of files('src/server')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/audit\(deps, request, '([a-z0-9_.]+)'/g)) actions.add(m[1]!);
      for (const m of text.matchAll(/action: '([a-z0-9_]+\.[a-z0-9_]+)'/g)) actions.add(m[1]!);
      if (text.includes('`checkpoint.${action}`'))
        ['checkpoint.close', 'checkpoint.reopen'].forEach((a) => actions.add(a));
      if (text.includes('`outbreak.contact_${body.decision}`'))
        ['outbreak.contact_confirm', 'outbreak.contact_dismiss'].forEach((a) => actions.add(a));
      // Any other action built at run time would escape the patterns above: there must be none.
      expect(
        text.match(/audit\(deps, request, `(?!checkpoint\.\$\{action\}`|outbreak\.contact_\$\{body\.decision\}`)/),
        file,
      ).toBeNull();
    }
    expect(actions.size).toBeGreaterThan(15);
    const missing = [...actions].filter((a) => actionInWords(a) === a);
    expect(missing).toEqual([]);
    expect(actionInWords('trace.export')).toBe('Tải danh sách truy vết');
  });

  it('writes details as labelled words', () => {
    expect(detailInWords({ code: 'TS-DL-001', expiresHours: 72 })).toBe('Mã chốt: TS-DL-001 · Hiệu lực (giờ): 72');
    expect(detailInWords({ role: 'officer' })).toMatch(/^Vai trò: /);
    expect(detailInWords({ windows: [{ a: 1 }, { a: 2 }], count: 2 })).toBe('Số khung giờ: 2 · Số lượng: 2');
    expect(detailInWords({ code: 'X' })).not.toContain('{');
    // A refused request's code is a reason in words, not a checkpoint code.
    expect(detailInWords({ status: 403, code: 'forbidden' }, 'console.refused')).toBe(
      'Mã trả lời: 403 · Lý do: Tài khoản của bạn không được làm việc này.',
    );
    // Anonymous refusals are counted per window: the count is said in words, Vietnamese first.
    expect(detailInWords({ status: 401, code: 'not_signed_in', times: 37, windowMin: 10 }, 'console.refused')).toBe(
      'Mã trả lời: 401 · Lý do: Phiên làm việc đã hết; hãy đăng nhập lại. · Số lần (không đăng nhập): 37 · Gộp trong (phút): 10',
    );
  });

  it('says coded values in words, not as the server stores them', () => {
    expect(detailInWords({ reason: 'bad_credentials' }, 'session.login_failed')).toBe(
      'Lý do: Tên đăng nhập hoặc mật khẩu không đúng.',
    );
    expect(detailInWords({ withReason: false }, 'outbreak.contact_confirm')).toBe('Có ghi lý do: không');
    expect(detailInWords({ relationship: 'household' }, 'outbreak.contact_manual')).toBe('Quan hệ: cùng hộ gia đình');
    expect(detailInWords({ fields: ['id', 'name'], count: 1 }, 'trace.search')).toBe(
      'Tìm theo: số giấy tờ, họ tên · Số lượng: 1',
    );
    expect(detailInWords({ format: 'csv', part: 'zone', ring: 'f1' }, 'trace.export')).toBe(
      'Định dạng: csv · Phần: khu vực khoanh vùng · Vòng: F1',
    );
    // A value with no words stays as it came (a free-text reason, a code added later).
    expect(detailInWords({ reason: 'Chỉ đi qua cổng' })).toBe('Lý do: Chỉ đi qua cổng');
  });
});
