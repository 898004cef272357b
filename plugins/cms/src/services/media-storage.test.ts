import { expect } from 'chai';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalDiskMediaStorage, newStorageKey, resolveMediaRoot } from './media-storage.js';

const STORE = '6f1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('LocalDiskMediaStorage', () => {
  let root: string;
  let storage: LocalDiskMediaStorage;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'wz-media-test-'));
    storage = new LocalDiskMediaStorage(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('puts, gets and deletes bytes under a random key in the store folder', async () => {
    const key = newStorageKey(STORE, 'png');
    expect(key).to.match(new RegExp(`^${STORE}/[0-9a-f]{32}\\.png$`));
    expect(newStorageKey(STORE, 'png')).not.to.equal(key);
    await storage.put(key, Buffer.from('bytes'));
    expect((await storage.get(key))?.toString()).to.equal('bytes');
    expect(readdirSync(path.join(root, STORE))).to.deep.equal([key.split('/')[1]]);
    await storage.delete(key);
    expect(await storage.get(key)).to.equal(undefined);
    await storage.delete(key);
  });

  it('refuses keys it did not make, so nothing outside the root can be reached', async () => {
    for (const key of [
      '../../etc/passwd',
      '/etc/passwd',
      `${STORE}/../../x.png`,
      `${STORE}/abc.html`,
      `${STORE}/${'a'.repeat(32)}.svg`,
    ]) {
      await storage.get(key).then(
        () => expect.fail(`read ${key}`),
        (error: Error) => expect(error.message).to.match(/invalid media storage key/),
      );
      await storage.put(key, Buffer.from('x')).then(
        () => expect.fail(`wrote ${key}`),
        (error: Error) => expect(error.message).to.match(/invalid media storage key/),
      );
    }
    expect(existsSync(path.join(root, STORE))).to.equal(false);
  });
});

describe('resolveMediaRoot', () => {
  it('prefers the configured folder, then the data dir, and uses a temp folder for memory://', () => {
    expect(resolveMediaRoot('/srv/media', '/var/lib/wizamart')).to.deep.equal({ dir: '/srv/media', temporary: false });
    expect(resolveMediaRoot(undefined, '/var/lib/wizamart')).to.deep.equal({
      dir: '/var/lib/wizamart/media',
      temporary: false,
    });
    expect(resolveMediaRoot(undefined, undefined).dir).to.equal(path.resolve('.wizamart', 'media'));
    const temporary = resolveMediaRoot(undefined, 'memory://');
    expect(temporary.temporary).to.equal(true);
    expect(temporary.dir.startsWith(os.tmpdir())).to.equal(true);
    rmSync(temporary.dir, { recursive: true, force: true });
  });
});
