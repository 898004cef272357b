import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReport, validatePlugin } from './index.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const PLUGINS = path.join(REPO, 'plugins');

/** Plugin folders the root tsconfig builds; a folder outside the build has no compiled entry to import yet. */
function builtPlugins(): Set<string> {
  const config = JSON.parse(readFileSync(path.join(REPO, 'tsconfig.json'), 'utf8')) as {
    references?: Array<{ path: string }>;
  };
  return new Set((config.references ?? []).map((ref) => path.resolve(REPO, ref.path)));
}

describe('first-party plugins pass wizamart-plugin validate', () => {
  const built = builtPlugins();
  const folders = readdirSync(PLUGINS)
    .map((name) => path.join(PLUGINS, name))
    .filter((dir) => existsSync(path.join(dir, 'package.json')));

  it('finds the first-party plugins', () => {
    expect(folders.map((dir) => path.basename(dir))).to.include.members([
      'core',
      'tenancy',
      'auth',
      'cms',
      'customers',
    ]);
  });

  for (const dir of folders) {
    const name = path.basename(dir);
    if (!built.has(dir)) {
      it.skip(`plugins/${name} (not referenced by the root tsconfig.json, so not built)`);
      continue;
    }
    it(`plugins/${name} has no errors`, async () => {
      const report = await validatePlugin(dir);
      expect(report.plugin).to.equal(name);
      expect(report.errors, formatReport(report)).to.equal(0);
    });
  }
});
