import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { displayName } from './package-json.js';

/** The placeholders of the template files (in their text and their paths) and what they become for `code`. */
export function placeholders(code: string, packageName: string, tier: string): Array<[string, string]> {
  const pascal = code
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  return [
    ['__package__', packageName],
    ['__schema__', code.replace(/-/g, '_')],
    ['__CODE__', code.replace(/-/g, '_').toUpperCase()],
    ['__Pascal__', pascal],
    ['__Name__', displayName(code)],
    ['__tier__', tier],
    ['__code__', code],
  ];
}

/** Fills the placeholders of one text. */
export function fill(text: string, values: Array<[string, string]>): string {
  return values.reduce((result, [key, value]) => result.replaceAll(key, value), text);
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const relative = path.join(prefix, entry.name);
      return entry.isDirectory() ? listFiles(dir, relative) : Promise.resolve([relative]);
    }),
  );
  return nested.flat().sort();
}

/**
 * Copies the template folder into `target`, filling placeholders in file names and contents. `_gitignore` becomes
 * `.gitignore` (npm would drop a `.gitignore` from the SDK's own tarball). Returns the relative paths written.
 */
export async function renderTemplate(
  templateDir: string,
  target: string,
  values: Array<[string, string]>,
): Promise<string[]> {
  const written: string[] = [];
  for (const relative of await listFiles(templateDir)) {
    const name = fill(relative, values).replace(/(^|[\\/])_gitignore$/, '$1.gitignore');
    const destination = path.join(target, name);
    await mkdir(path.dirname(destination), { recursive: true });
    await writeFile(destination, fill(await readFile(path.join(templateDir, relative), 'utf8'), values));
    written.push(name);
  }
  return written;
}
