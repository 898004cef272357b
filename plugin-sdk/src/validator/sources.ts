import { readFileSync } from 'node:fs';
import { relative, walkFiles } from './files.js';

const SCRIPT = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const DECLARATION = /\.d\.[mc]?ts$/;

/** One script of the plugin: its path relative to the plugin folder and its text with comments blanked out. */
export interface SourceFile {
  rel: string;
  code: string;
  isTest: boolean;
}

/** True for test files: `*.test.*`, `*.spec.*`, or anything under a `test`/`tests`/`__tests__` folder. */
export function isTestFile(rel: string): boolean {
  const parts = rel.split('/');
  return (
    /\.(test|spec)\.[mc]?[jt]sx?$/.test(rel) ||
    parts.slice(0, -1).some((p) => ['test', 'tests', '__tests__'].includes(p))
  );
}

/**
 * Blanks out comments (keeping line breaks) so that examples in TSDoc do not count as code. Strings and template
 * literals are kept; a regular expression literal holding a quote can confuse it, which only costs a missed import.
 */
export function stripComments(text: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === quote) quote = undefined;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const comment = text.slice(i, end < 0 ? text.length : end + 2);
      out += comment.replace(/[^\n]/g, ' ');
      i += comment.length - 1;
    } else {
      if (c === '"' || c === "'" || c === '`') quote = c;
      out += c;
    }
  }
  return out;
}

/** Every script of the plugin (TypeScript sources and built JavaScript, no declarations, no node_modules). */
export function readSources(dir: string): SourceFile[] {
  return walkFiles(dir, (name) => SCRIPT.test(name) && !DECLARATION.test(name)).map((file) => {
    const rel = relative(dir, file);
    return { rel, code: stripComments(readFileSync(file, 'utf8')), isTest: isTestFile(rel) };
  });
}

/** 1-based line of `index` in `text`. */
export function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** True for TypeScript sources (`.ts`, `.mts`, `.cts`, `.tsx`). */
export function isTypeScript(rel: string): boolean {
  return /\.[mc]?tsx?$/.test(rel);
}
