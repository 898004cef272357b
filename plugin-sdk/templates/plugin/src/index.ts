/**
 * The public surface of __package__: the types other plugins may use. Other plugins never import anything else
 * from this package.
 *
 * @packageDocumentation
 */
import { definePermissions } from '@wizamart/plugin-sdk';

export type { Note } from './model.js';

/** The permissions this plugin declares in its manifest; routes and menus use these, never string literals. */
export const __Pascal__Permissions = definePermissions('__code__', {
  /** Read notes (API and page). */
  view: '__code__.view',
  /** Add notes and start the tidy job. */
  manage: '__code__.manage',
});
