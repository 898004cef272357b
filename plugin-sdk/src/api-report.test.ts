import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const SDK_DIR = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = path.join(SDK_DIR, 'scripts', 'api-report.mjs');

/** Runs `scripts/api-report.mjs --check` on the built declarations (mocha runs after the build). */
function check(...args: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, '--check', '--no-build', ...args], {
    cwd: SDK_DIR,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('SDK API report (etc/*.api.md)', function () {
  this.timeout(120_000);

  it('matches the public surface of the built entry points', () => {
    const { status, output } = check();
    expect(output, output).to.include('"." matches').and.include('"./testing" matches');
    expect(status, output).to.equal(0);
  });

  it('fails with a diff and the way out when the surface differs from the committed report', () => {
    const reports = mkdtempSync(path.join(os.tmpdir(), 'wz-api-check-'));
    try {
      cpSync(path.join(SDK_DIR, 'etc'), reports, { recursive: true });
      const file = path.join(reports, 'plugin-sdk.api.md');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('export function definePlugin', 'export function defineOldPlugin'),
      );
      const { status, output } = check('--reports', reports);
      expect(status).to.equal(1);
      expect(output).to.include('differs from the committed report');
      expect(output).to.include('- export function defineOldPlugin').and.include('+ export function definePlugin');
      expect(output).to.include('npm run api:report -w plugin-sdk');
      expect(output).to.include('"./testing" matches');
    } finally {
      rmSync(reports, { recursive: true, force: true });
    }
  });
});
