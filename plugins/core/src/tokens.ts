/**
 * The service tokens of the core plugin: a dependency-free entry point (`@wizamart/plugin-core/tokens`) that
 * loads only the SDK, so other plugins import the tokens without the package's other modules.
 *
 * @packageDocumentation
 */
import { defineServiceToken } from '@wizamart/plugin-sdk';
import type { CoreUi } from './index.js';

/** Service tokens of the core plugin. */
export const CoreServices = {
  ui: defineServiceToken<CoreUi>('core', 'ui'),
} as const;
