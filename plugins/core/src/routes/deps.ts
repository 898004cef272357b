import type { PlatformDirectory, PluginDirectory } from '@wizamart/plugin-sdk';

/** The host services core's pages read, declared in `definePlugin({ deps })` and passed in from plugin.ts. */
export interface CoreRouteDeps {
  plugins: PluginDirectory;
  platforms: PlatformDirectory;
}
