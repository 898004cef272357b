import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES } from '@wizamart/plugin-sdk';
import { expect } from 'chai';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

function tableCodes(): Map<string, number> {
  const text = readFileSync(path.join(REPO, 'docs', 'errors.md'), 'utf8');
  const rows = [...text.matchAll(/^\| `(WZ_[A-Z0-9_]+)` \| (\d{3}) \| (.+?) \| (.+?) \|$/gm)];
  return new Map(rows.map((row) => [row[1], Number(row[2])]));
}

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(full);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

function codesInSource(): Set<string> {
  const roots = ['host/src', 'plugin-sdk/src', ...readdirSafe('plugins').map((code) => `plugins/${code}/src`)];
  const codes = new Set<string>();
  for (const file of roots.flatMap((root) => sourceFiles(path.join(REPO, root)))) {
    // Comments (TSDoc examples) may mention codes that do not exist.
    const code = readFileSync(file, 'utf8').replace(/^\s*(\*|\/\/).*$/gm, '');
    for (const match of code.matchAll(/['"`](WZ_[A-Z0-9]+(?:_[A-Z0-9]+)+)['"`]/g)) codes.add(match[1]);
  }
  return codes;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(path.join(REPO, dir));
  } catch {
    return [];
  }
}

describe('docs/errors.md', () => {
  const table = tableCodes();

  it('documents every code in the SDK catalog with the same status', () => {
    for (const [code, status] of Object.entries(ERROR_CODES)) {
      expect(table.get(code), `${code} missing from docs/errors.md`).to.equal(status);
    }
  });

  it('documents every WZ_ code that the sources use', () => {
    const undocumented = [...codesInSource()].filter((code) => !table.has(code));
    expect(undocumented, 'codes used in src but missing from docs/errors.md').to.deep.equal([]);
  });

  it('lists no code that nothing uses', () => {
    const used = new Set([...codesInSource(), ...Object.keys(ERROR_CODES)]);
    expect([...table.keys()].filter((code) => !used.has(code))).to.deep.equal([]);
  });
});
