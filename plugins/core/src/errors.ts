import { defineErrors } from '@wizamart/plugin-sdk';

/** The core plugin's errors (codes documented in docs/errors.md, "core plugin"). */
export const coreErrors = defineErrors({
  WZ_CORE_UNSAFE_REDIRECT: { status: 400, message: 'Redirects after a form go to a path on this site only' },
});
