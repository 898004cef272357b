import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hostErrors, type ErrorCatalog } from '@wizamart/plugin-sdk';
import { expect } from 'chai';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

interface NamedCatalog {
  /** Where the catalog is defined, for messages. */
  source: string;
  catalog: ErrorCatalog;
}

function tableCodes(): Map<string, number> {
  const text = readFileSync(path.join(REPO, 'docs', 'errors.md'), 'utf8');
  const rows = [...text.matchAll(/^\| `(WZ_[A-Z0-9_]+)` \| (\d{3}) \| (.+?) \| (.+?) \|$/gm)];
  return new Map(rows.map((row) => [row[1], Number(row[2])]));
}

function readdirSafe(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** The host's catalog and every plugin's `src/errors.ts` catalog (its compiled module's `defineErrors` exports). */
async function catalogs(): Promise<NamedCatalog[]> {
  const found: NamedCatalog[] = [{ source: 'plugin-sdk/src/host-errors.ts', catalog: hostErrors.catalog }];
  for (const code of readdirSafe(path.join(REPO, 'plugins'))) {
    if (!existsSync(path.join(REPO, 'plugins', code, 'src', 'errors.ts'))) continue;
    const compiled = path.join(REPO, 'plugins', code, 'dist', 'src', 'errors.js');
    const module = (await import(pathToFileURL(compiled).href)) as Record<string, unknown>;
    const defined = Object.values(module).filter(
      (value): value is { catalog: ErrorCatalog } =>
        typeof value === 'object' && value !== null && typeof (value as { catalog?: unknown }).catalog === 'object',
    );
    expect(defined, `plugins/${code}/src/errors.ts exports one defineErrors catalog`).to.have.length(1);
    found.push({ source: `plugins/${code}/src/errors.ts`, catalog: defined[0].catalog });
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSafe(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(full);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

/** Every code the sources name: as a string (`'WZ_…'`) or a factory (`errors.WZ_…(`), comments left out. */
function codesInSource(): Set<string> {
  const roots = [
    'host/src',
    'plugin-sdk/src',
    ...readdirSafe(path.join(REPO, 'plugins')).map((c) => `plugins/${c}/src`),
  ];
  const codes = new Set<string>();
  for (const file of roots.flatMap((root) => sourceFiles(path.join(REPO, root)))) {
    // Comments (TSDoc examples) may mention codes that do not exist.
    const code = readFileSync(file, 'utf8').replace(/^\s*(\*|\/\/).*$/gm, '');
    for (const match of code.matchAll(/(?:['"`]|\.)(WZ_[A-Z0-9]+(?:_[A-Z0-9]+)*)(?=['"`(])/g)) codes.add(match[1]);
  }
  return codes;
}

describe('docs/errors.md', () => {
  const table = tableCodes();
  let all: NamedCatalog[];
  before(async () => {
    all = await catalogs();
  });

  it('documents every code of every catalog with the catalog status', () => {
    expect(all.length, 'the host catalog and the plugin catalogs').to.be.greaterThan(5);
    for (const { source, catalog } of all) {
      for (const [code, spec] of Object.entries(catalog)) {
        expect(table.get(code), `${code} (${source}) in docs/errors.md`).to.equal(spec.status);
      }
    }
  });

  it('documents every WZ_ code that the sources use, and every one is in a catalog', () => {
    const defined = new Set(all.flatMap(({ catalog }) => Object.keys(catalog)));
    const used = [...codesInSource()];
    expect(
      used.filter((code) => !table.has(code)),
      'codes used in src but missing from docs/errors.md',
    ).to.deep.equal([]);
    expect(
      used.filter((code) => !defined.has(code)),
      'codes used in src but in no defineErrors catalog',
    ).to.deep.equal([]);
  });

  it('lists no code that no catalog defines', () => {
    const defined = new Set(all.flatMap(({ catalog }) => Object.keys(catalog)));
    expect([...table.keys()].filter((code) => !defined.has(code))).to.deep.equal([]);
  });
});
