import { readFileSync } from 'node:fs';

/** The version of @wizamart/host, read from its package.json (plugins' `host` ranges are checked against it). */
export const HOST_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
