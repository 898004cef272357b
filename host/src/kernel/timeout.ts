import { hostErrors } from '@wizamart/plugin-sdk';

/** Default time a plugin lifecycle hook may take before it is failed with `WZ_PLUGIN_TIMEOUT`. */
export const DEFAULT_HOOK_TIMEOUT_MS = 10_000;

/** Runs `work`, rejecting with `WZ_PLUGIN_TIMEOUT` when it has not settled within `ms`. */
export async function withTimeout<T>(work: () => T | Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(hostErrors.WZ_PLUGIN_TIMEOUT({ what, ms }, { details: { ms } })), ms);
  });
  try {
    return await Promise.race([Promise.resolve().then(work), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
