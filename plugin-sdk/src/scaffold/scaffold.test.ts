import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { expect } from 'chai';
import { validateManifest } from '../manifest.js';
import { runNewCommand } from './index.js';

function sink(): Writable & { text: string } {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      stream.text += String(chunk);
      done();
    },
  }) as Writable & { text: string };
  stream.text = '';
  return stream;
}

describe('wizamart-plugin new', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'wz-scaffold-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes a plugin with manifest, wiring, routes, view, migration, job, health check, locales and tests', async () => {
    const io = { stdout: sink(), stderr: sink() };
    expect(await runNewCommand(['gift-cards', '--tier', 'internal'], io, tmp)).to.equal(0);
    const dir = path.join(tmp, 'gift-cards');
    const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.name).to.equal('wizamart-plugin-gift-cards');
    expect(pkg['wizamart-plugin']).to.include({
      code: 'gift-cards',
      tier: 'internal',
      entry: './dist/src/plugin.js',
      migrations: './dist/migrations',
    });
    const manifest = validateManifest(pkg['wizamart-plugin']);
    expect(manifest.problems).to.deep.equal([]);
    expect(manifest.valid).to.equal(true);
    expect(pkg.devDependencies).to.include.keys(
      '@wizamart/host',
      '@wizamart/plugin-sdk',
      '@wizamart/plugin-core',
      '@wizamart/plugin-tenancy',
      '@wizamart/plugin-auth',
      'typescript',
      'mocha',
    );
    expect(pkg.peerDependencies).to.include.keys(
      '@wizamart/plugin-sdk',
      '@wizamart/plugin-core',
      '@wizamart/plugin-tenancy',
    );
    expect(read('src/plugin.ts'))
      .to.include('definePlugin')
      .and.include("ctx.menus.add('admin'")
      .and.include("ctx.health.check('notes'");
    expect(read('src/routes/admin.routes.ts'))
      .to.include('permit(GiftCardsPermissions.manage)')
      .and.include('publicAccess()')
      .and.include("res.render('gift-cards/admin/notes'");
    expect(read('migrations/gift-cards_001_create_notes.ts')).to.match(
      /export async function up[\s\S]*export async function down/,
    );
    expect(read('src/jobs/tidy-notes.job.ts')).to.include('jobs.define');
    expect(read('src/errors.ts')).to.include('WZ_GIFT_CARDS_JOB_NOT_FOUND: {');
    expect(read('src/routes/admin.routes.ts')).to.include('errors.WZ_GIFT_CARDS_JOB_NOT_FOUND({');
    expect(read('test/gift-cards.int.test.ts'))
      .to.include("from '@wizamart/plugin-sdk/testing'")
      .and.include("'gift_cards.notes'");
    for (const lang of ['en', 'de', 'fr', 'lb']) {
      const messages = JSON.parse(read(`locales/${lang}.json`));
      expect(messages.menu.notes).to.be.a('string');
      expect(messages.permissions.manage.description).to.be.a('string');
    }
    expect(pkg['wizamart-plugin'].permissions[1]).to.deep.equal({
      code: 'gift-cards.manage',
      name: 'gift-cards.permissions.manage.name',
      description: 'gift-cards.permissions.manage.description',
      surface: 'admin',
    });
    expect(read('.gitignore')).to.include('node_modules/');
    expect(read('tsconfig.json')).to.include('"module": "NodeNext"').and.not.include('Decorator');
    expect(read('README.md')).to.include('# Gift Cards');
    expect(read('src/index.ts')).to.include('GiftCardsPermissions');
    expect(io.stdout.text).to.include('npm install');
  });

  it('exits 2 with a clear message and writes nothing for a bad code or a non-empty folder', async () => {
    const bad = { stdout: sink(), stderr: sink() };
    expect(await runNewCommand(['x', '--code', 'Gift Cards'], bad, tmp)).to.equal(2);
    expect(bad.stderr.text).to.include('Invalid plugin code "Gift Cards"');
    mkdirSync(path.join(tmp, 'full'));
    writeFileSync(path.join(tmp, 'full', 'keep.txt'), 'keep');
    const full = { stdout: sink(), stderr: sink() };
    expect(await runNewCommand(['full'], full, tmp)).to.equal(2);
    expect(full.stderr.text).to.include('is not empty');
    expect(readFileSync(path.join(tmp, 'full', 'keep.txt'), 'utf8')).to.equal('keep');
    const unknown = { stdout: sink(), stderr: sink() };
    expect(await runNewCommand(['y', '--colour', 'red'], unknown, tmp)).to.equal(2);
  });
});
