import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

function views(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : views(full);
    return name.endsWith('.hbs') ? [full] : [];
  });
}

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every literal `pattern="…"` of the plugins' and the scaffold template's views, with where it is. */
function patterns(): Array<{ where: string; pattern: string }> {
  const roots = [
    ...readdirSync(path.join(REPO, 'plugins')).map((code) => `plugins/${code}/views`),
    'plugin-sdk/templates',
  ];
  return roots.flatMap((root) =>
    views(path.join(REPO, root)).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?<![:\w-])pattern="([^"]*)"/g)].map((match) => ({
        where: `${path.relative(REPO, file)}: ${match[0]}`,
        pattern: decode(match[1]),
      })),
    ),
  );
}

/** How Chromium compiles an input's pattern attribute (HTML: `^(?:pattern)$` with the `v` flag). */
export function compilesAsInputPattern(pattern: string): boolean {
  try {
    new RegExp(`^(?:${pattern})$`, 'v');
    return true;
  } catch {
    return false;
  }
}

describe('pattern attributes of the views', () => {
  it('finds the patterns (the scan reads the views)', () => {
    expect(patterns().length).to.be.greaterThan(3);
  });

  it('compiles every pattern the way Chromium does, with the v flag', () => {
    const broken = patterns().filter(({ pattern }) => !pattern.includes('{{') && !compilesAsInputPattern(pattern));
    expect(broken.map((entry) => entry.where)).to.deep.equal([]);
  });

  it('refuses the unescaped hyphen that broke the stock page', () => {
    expect(compilesAsInputPattern('[a-z0-9][a-z0-9-]{0,39}')).to.equal(false);
    expect(compilesAsInputPattern('[a-z0-9][a-z0-9\\-]{0,39}')).to.equal(true);
  });
});
