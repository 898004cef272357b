import type { PlatformDirectory } from '@wizamart/plugin-sdk';

/** Platform domains in memory (domain → platform code), reloaded on change and at most `ttlMs` after a load. */
export interface PlatformDomains {
  /** The platform whose domain is exactly `domain`. */
  platformOf(domain: string): string | undefined;
  /** The domain of `platform`, or null in path mode only. */
  domainOf(platform: string): string | null;
  /** Loads the platforms (at start; later loads follow changes and the TTL). */
  reload(): Promise<void>;
}

export function createPlatformDomains(
  platforms: () => PlatformDirectory,
  ttlMs: number,
  onError: (error: unknown) => void,
): PlatformDomains {
  let byDomain = new Map<string, string>();
  let byCode = new Map<string, string | null>();
  let loadedAt = 0;
  let loading: Promise<void> | undefined;
  let subscribed = false;
  const reload = () =>
    (loading ??= platforms()
      .list()
      .then((list) => {
        byDomain = new Map(list.filter((p) => p.domain).map((p) => [p.domain!.toLowerCase(), p.code]));
        byCode = new Map(list.map((p) => [p.code, p.domain]));
        loadedAt = Date.now();
      })
      .finally(() => (loading = undefined)));
  const subscribe = () => {
    if (subscribed) return;
    subscribed = true;
    // A change during a load may not be in that load's result: reload once more after it.
    platforms().onChange(
      () =>
        void (loading ?? Promise.resolve())
          .catch(() => {})
          .then(reload)
          .catch(onError),
    );
  };
  // Other instances change platforms too: refresh in the background once the snapshot is older than the TTL.
  const refreshIfStale = () => {
    if (Date.now() - loadedAt > ttlMs && !loading && loadedAt > 0) reload().catch(onError);
  };
  return {
    platformOf(domain) {
      refreshIfStale();
      return byDomain.get(domain);
    },
    domainOf(platform) {
      refreshIfStale();
      return byCode.get(platform) ?? null;
    },
    async reload() {
      subscribe();
      await reload();
    },
  };
}
