import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import request from 'supertest';

const PLUGINS_DIR = fileURLToPath(new URL('../../../', import.meta.url));

/** core + tenancy + auth + cms: what the cms integration tests boot. */
export const PLUGINS = ['core', 'tenancy', 'auth', 'cms'].map((code) => `${PLUGINS_DIR}${code}`);

/** The password of the demo accounts (WIZAMART_DEMO_PASSWORD default). */
export const DEMO_PASSWORD = 'wizamart-demo';

/** A booted host with its media folder. */
export interface CmsTestHost extends TestHost {
  mediaDir: string;
}

/**
 * Boots core, tenancy, auth and cms on a fresh database with media in a temporary folder, and runs the demo seed
 * (stores fashion and techhub, their staff, their themes and pages). Login limits are raised: suites sign in often.
 */
export async function bootCms(): Promise<CmsTestHost> {
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'wz-cms-test-'));
  const test = await startTestHost({
    plugins: PLUGINS,
    env: { WZ_CMS_MEDIA_DIR: mediaDir, WZ_TENANCY_LOGIN_IP_MAX_ATTEMPTS: '1000', WZ_TENANCY_LOGIN_MAX_ATTEMPTS: '1000' },
  });
  const stop = async () => {
    await test.stop();
    rmSync(mediaDir, { recursive: true, force: true });
  };
  try {
    await (test.host as { runSeeds(set: string): Promise<string[]> }).runSeeds('demo');
  } catch (error) {
    await stop();
    throw error;
  }
  return { ...test, mediaDir, stop };
}

/** Signs a staff member in through the store API and returns the bearer token. */
export async function staffToken(test: TestHost, email: string, store: string): Promise<string> {
  const res = await request(test.app).post(`/api/v1/store/${store}/auth/login`).send({ email, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`login ${email} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

/** `Authorization` header for a token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
