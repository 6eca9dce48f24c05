// Makes sure the Debian packages the browser tests use are installed (CI machines start without them):
// Chromium and Noto fonts for the browser, poppler-utils to read back the printed PDFs.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A file each package installs, by package. */
const NEEDED = {
  chromium: '/usr/bin/chromium',
  'fonts-noto-core': '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
  'poppler-utils': '/usr/bin/pdfinfo',
};

const missing = Object.entries(NEEDED)
  .filter(([, file]) => !existsSync(file))
  .map(([name]) => name);
if (missing.length === 0) process.exit(0);
if (process.getuid?.() !== 0) {
  console.error(
    `Missing for the browser tests: ${missing.join(', ')}. Install with: sudo apt-get install -y ${missing.join(' ')}`,
  );
  process.exit(1);
}
console.log(`Installing Debian ${missing.join(', ')} for the browser tests…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execSync('apt-get update -qq', { stdio: 'inherit', env });
execSync(`apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit', env });
