/** The settings screen's sizes: Vietnamese writes a decimal comma ("2,0 MB trên 10,0 GB"). */
import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/client/settings/format';
import { setLang } from '../../../src/client/i18n/i18n';

afterEach(() => setLang('vi'));

describe('formatBytes', () => {
  it('uses the decimal comma in Vietnamese and the point in English', () => {
    setLang('vi');
    expect(formatBytes(2 * 1024 ** 2)).toBe('2,0 MB');
    expect(formatBytes(10 * 1024 ** 3)).toBe('10,0 GB');
    expect(formatBytes(1.25 * 1024 ** 3)).toBe('1,3 GB');
    expect(formatBytes(512 * 1024)).toBe('512 KB');
    setLang('en');
    expect(formatBytes(2 * 1024 ** 2)).toBe('2.0 MB');
    expect(formatBytes(10 * 1024 ** 3)).toBe('10.0 GB');
  });
});
