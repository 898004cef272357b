import { randomBytes } from 'node:crypto';
import type { HostEnvironment } from '@wizamart/plugin-sdk';
import { secretMissing } from '../errors.js';
import type { SettingsRepository } from '../repositories/settings.repository.js';

const MIN_LENGTH = 32;
const SETTING = 'jwt_secret';

/**
 * The secret that signs tokens: `WIZAMART_JWT_SECRET`, else on the embedded database one generated once and kept in
 * `auth.settings` (auth's first migration copies tenancy's old one). A server database without the variable refuses
 * to start: every instance must share the secret.
 */
export async function loadJwtSecret(
  env: Pick<HostEnvironment, 'jwtSecret' | 'embedded'>,
  settings: SettingsRepository,
): Promise<string> {
  if (env.jwtSecret !== undefined) {
    if (env.jwtSecret.length < MIN_LENGTH) {
      throw secretMissing(
        `WIZAMART_JWT_SECRET is ${env.jwtSecret.length} characters long; use at least ${MIN_LENGTH} random characters (e.g. openssl rand -base64 48)`,
      );
    }
    return env.jwtSecret;
  }
  if (!env.embedded) {
    throw secretMissing(
      `WIZAMART_JWT_SECRET is not set. With DATABASE_URL every instance must sign tokens with the same secret: set WIZAMART_JWT_SECRET to at least ${MIN_LENGTH} random characters (e.g. openssl rand -base64 48)`,
    );
  }
  return settings.putIfAbsent(SETTING, randomBytes(48).toString('base64url'));
}
