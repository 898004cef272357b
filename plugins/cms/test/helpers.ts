import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import { signIn } from '@wizamart/plugin-auth/testing';

const PLUGINS_DIR = fileURLToPath(new URL('../../../', import.meta.url));

/** core + tenancy + auth + cms: what the cms integration tests boot. */
export const PLUGINS = ['core', 'tenancy', 'auth', 'cms'].map((code) => `${PLUGINS_DIR}${code}`);

export { bearer, DEMO_PASSWORD } from '@wizamart/plugin-auth/testing';

/** A booted host with its media folder. */
export interface CmsTestHost extends TestHost {
  mediaDir: string;
}

/**
 * Boots core, tenancy, auth and cms (and `extraPlugins`, e.g. a probe) on a fresh database with media in a temporary
 * folder, and runs the demo seed (stores fashion and techhub, their staff, their themes and pages). Login limits are
 * raised: suites sign in often. `stop()` also removes the media folder.
 */
export async function bootCms(extraPlugins: string[] = []): Promise<CmsTestHost> {
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'wz-cms-test-'));
  try {
    const test = await startTestHost({
      plugins: [...PLUGINS, ...extraPlugins],
      env: {
        WIZAMART_CMS_MEDIA_DIR: mediaDir,
        WIZAMART_AUTH_LOGIN_IP_MAX_ATTEMPTS: '1000',
        WIZAMART_AUTH_LOGIN_MAX_ATTEMPTS: '1000',
      },
      seeds: ['demo'],
    });
    const stop = async () => {
      await test.stop();
      rmSync(mediaDir, { recursive: true, force: true });
    };
    return { ...test, mediaDir, stop };
  } catch (error) {
    rmSync(mediaDir, { recursive: true, force: true });
    throw error;
  }
}

/** Signs a staff member in through the store API and returns the bearer token. */
export const staffToken = (test: TestHost, email: string, store: string): Promise<string> =>
  signIn(test, { store, email });
