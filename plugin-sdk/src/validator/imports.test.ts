import { expect } from 'chai';
import { importSpecifiers } from './imports.js';
import { isTestFile, stripComments } from './sources.js';

describe('import scanning', () => {
  it('finds static, re-export, side-effect, dynamic and require specifiers', () => {
    const code = [
      "import a, { b } from '@wizamart/plugin-sdk';",
      'import type {\n  C,\n} from "./types.js";',
      "export * from '../x.js';",
      "import './side-effect.js';",
      "const d = await import('@wizamart/plugin-core');",
      "const e = require('knex');",
      'const f = import(`./${name}.js`);',
    ].join('\n');
    expect(
      importSpecifiers(code)
        .map((s) => s.specifier)
        .sort(),
    ).to.deep.equal(
      ['../x.js', './side-effect.js', './types.js', '@wizamart/plugin-core', '@wizamart/plugin-sdk', 'knex'].sort(),
    );
  });

  it('ignores imports in comments but keeps comment-like text inside strings', () => {
    const code =
      "/**\n * @example\n * import { x } from '@wizamart/host';\n */\n// import y from '@wizamart/host'\nconst url = 'http://example.com'; import z from './z.js';";
    const stripped = stripComments(code);
    expect(importSpecifiers(stripped).map((s) => s.specifier)).to.deep.equal(['./z.js']);
    expect(stripped).to.include("'http://example.com'");
    expect(stripped.split('\n')).to.have.length(code.split('\n').length);
  });

  it('treats *.test.*, *.spec.* and files under test/ as tests, nothing else', () => {
    expect(
      ['src/a.test.ts', 'dist/src/a.int.test.js', 'test/helpers.ts', 'src/b.spec.mjs'].map(isTestFile),
    ).to.deep.equal([true, true, true, true]);
    expect(['src/testing.ts', 'src/latest/a.ts', 'dist/src/plugin.js'].map(isTestFile)).to.deep.equal([
      false,
      false,
      false,
    ]);
  });
});
