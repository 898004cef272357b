import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { runValidateCommand } from './index.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/validator/', import.meta.url));

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runValidateCommand(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('wizamart-plugin validate', () => {
  it('exits 0 and says ok for a clean plugin', async () => {
    const result = await run([`${FIXTURES}good`]);
    expect(result).to.include({ code: 0, stderr: '' });
    expect(result.stdout).to.match(/^good at .*good\nok: no findings\n$/);
  });

  it('exits 1 on errors and prints rule, severity, file, message and fix hint', async () => {
    const result = await run([`${FIXTURES}wzv006-peer-range`]);
    expect(result.code).to.equal(1);
    expect(result.stdout).to.include(
      '  error WZV006 package.json: peerDependency @wizamart/plugin-core "^2.0.0" does not overlap',
    );
    expect(result.stdout).to.include('        fix: Add the required plugin\'s package to "peerDependencies"');
    expect(result.stdout).to.match(/\n1 error, 0 warnings, 0 info\n$/);
  });

  it('exits 0 when there are only warnings', async () => {
    const result = await run([`${FIXTURES}wzv025-files`]);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.match(/0 errors, 2 warnings, 0 info\n$/);
  });

  it('prints the report as JSON with --json, option before or after the folder', async () => {
    for (const argv of [
      ['--json', `${FIXTURES}wzv019-helper`],
      [`${FIXTURES}wzv019-helper`, '--json'],
    ]) {
      const result = await run(argv);
      expect(result.code).to.equal(1);
      const report = JSON.parse(result.stdout) as {
        plugin: string;
        errors: number;
        warnings: number;
        findings: Array<Record<string, string>>;
      };
      expect(report).to.include({ plugin: 'good', errors: 1, warnings: 0 });
      expect(report.findings[0]).to.include({ rule: 'WZV019', severity: 'error', file: 'lib/plugin.js:5' });
      expect(report.findings[0].hint).to.match(/<code>-<name>/);
    }
  });

  it('validates the current folder when none is given', async () => {
    const cwd = process.cwd();
    process.chdir(`${FIXTURES}wzv026-extra-locale`);
    try {
      const result = await run(['--json']);
      expect(result.code).to.equal(0);
      expect(JSON.parse(result.stdout)).to.deep.include({ plugin: 'good', errors: 0, warnings: 0 });
    } finally {
      process.chdir(cwd);
    }
  });

  it('exits 2 with usage on an unknown option or two folders, and 0 with --help', async () => {
    const unknown = await run(['--yaml']);
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr).to.match(/unknown option --yaml\nUsage: wizamart-plugin validate/);
    expect((await run(['a', 'b'])).code).to.equal(2);
    const help = await run(['--help']);
    expect(help).to.include({ code: 0 });
    expect(help.stdout).to.match(/^Usage: wizamart-plugin validate \[dir\] \[--json\]/);
  });
});
