import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { isWizamartError } from '../errors.js';
import { codeFromDir, findTarball, parseNewArgs, toNpmSpec } from './options.js';

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isWizamartError(error) && error.code === 'WZ_CLI_USAGE') return error.message;
    throw error;
  }
  throw new Error('expected WZ_CLI_USAGE');
}

describe('wizamart-plugin new: options', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'wz-scaffold-options-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('takes the code from the folder and depends on ^<sdk version> of the platform packages by default', () => {
    const options = parseNewArgs(['gift-cards'], '0.3.1', tmp);
    expect(options).to.deep.include({
      dir: path.join(tmp, 'gift-cards'),
      code: 'gift-cards',
      packageName: 'wizamart-plugin-gift-cards',
      tier: 'optional',
    });
    expect(options.specs).to.deep.equal({
      sdk: '^0.3.1',
      host: '^0.3.1',
      core: '^0.3.1',
      tenancy: '^0.3.1',
      auth: '^0.3.1',
    });
    expect(codeFromDir('/x/wizamart-plugin-Loyalty Points')).to.equal('loyalty-points');
  });

  it('refuses a code that is not lowercase letters, digits and hyphens, naming the code', () => {
    expect(usageMessage(() => parseNewArgs(['x', '--code', 'Gift_Cards'], '0.1.0', tmp))).to.match(
      /Invalid plugin code "Gift_Cards".*lowercase/,
    );
    expect(usageMessage(() => parseNewArgs(['x', '--code', '9lives'], '0.1.0', tmp))).to.match(
      /Invalid plugin code "9lives"/,
    );
    expect(usageMessage(() => parseNewArgs(['x', '--code', 'a'], '0.1.0', tmp))).to.match(/Invalid plugin code "a"/);
  });

  it('refuses a non-empty target folder, a core tier and a missing folder argument', () => {
    mkdirSync(path.join(tmp, 'taken'));
    writeFileSync(path.join(tmp, 'taken', 'notes.txt'), 'mine');
    expect(usageMessage(() => parseNewArgs(['taken'], '0.1.0', tmp))).to.match(/taken is not empty/);
    mkdirSync(path.join(tmp, 'empty'));
    expect(parseNewArgs(['empty'], '0.1.0', tmp).code).to.equal('empty');
    expect(usageMessage(() => parseNewArgs(['xy', '--tier', 'core'], '0.1.0', tmp))).to.match(/Invalid tier "core"/);
    expect(usageMessage(() => parseNewArgs([], '0.1.0', tmp))).to.match(/exactly one target folder/);
  });

  it('turns tarball paths into absolute file: specs and keeps registry ranges', () => {
    writeFileSync(path.join(tmp, 'wizamart-host-0.1.0.tgz'), '');
    expect(toNpmSpec('./wizamart-host-0.1.0.tgz', tmp)).to.equal(`file:${path.join(tmp, 'wizamart-host-0.1.0.tgz')}`);
    expect(toNpmSpec('^0.2.0', tmp)).to.equal('^0.2.0');
    expect(usageMessage(() => toNpmSpec('./missing.tgz', tmp))).to.match(/No such file/);
  });

  it('--from takes every platform package from a folder of tarballs; --sdk still wins', () => {
    for (const name of [
      'wizamart-plugin-sdk-0.1.0.tgz',
      'wizamart-host-0.1.0.tgz',
      'wizamart-plugin-core-0.1.0.tgz',
      'wizamart-plugin-tenancy-0.1.0.tgz',
      'wizamart-plugin-tenancy-extra-1.0.0.tgz',
      'wizamart-plugin-auth-0.1.0.tgz',
    ]) {
      writeFileSync(path.join(tmp, name), '');
    }
    const options = parseNewArgs(['p', '--code', 'pp', '--from', tmp, '--sdk', '^0.1.0'], '0.1.0', tmp);
    expect(options.specs).to.deep.equal({
      sdk: '^0.1.0',
      host: `file:${path.join(tmp, 'wizamart-host-0.1.0.tgz')}`,
      core: `file:${path.join(tmp, 'wizamart-plugin-core-0.1.0.tgz')}`,
      tenancy: `file:${path.join(tmp, 'wizamart-plugin-tenancy-0.1.0.tgz')}`,
      auth: `file:${path.join(tmp, 'wizamart-plugin-auth-0.1.0.tgz')}`,
    });
    expect(usageMessage(() => findTarball(path.join(tmp, 'nowhere'), '@wizamart/host'))).to.match(
      /Expected one wizamart-host-<version>.tgz/,
    );
  });

  it('takes core and tenancy from the folder of a --host tarball, else from the registry range', () => {
    const packs = path.join(tmp, 'packs');
    mkdirSync(packs);
    for (const name of ['wizamart-plugin-sdk-0.1.0.tgz', 'wizamart-host-0.1.0.tgz', 'wizamart-plugin-core-0.1.0.tgz'])
      writeFileSync(path.join(packs, name), '');
    const options = parseNewArgs(
      ['p', '--code', 'pp', '--sdk', 'packs/wizamart-plugin-sdk-0.1.0.tgz', '--host', 'packs/wizamart-host-0.1.0.tgz'],
      '0.1.0',
      tmp,
    );
    expect(options.specs.core).to.equal(`file:${path.join(packs, 'wizamart-plugin-core-0.1.0.tgz')}`);
    expect(options.specs.tenancy).to.equal('^0.1.0');
  });
});
