import { defineErrors } from '@wizamart/plugin-sdk';

/** This plugin's own errors, `WZ___CODE___<WHAT>`; list each one in the README with its meaning and fix. */
export const errors = defineErrors({
  /** A job id that is unknown or belongs to another plugin. */
  WZ___CODE___JOB_NOT_FOUND: { status: 404, message: (p: { id: string }) => `No __code__ job ${p.id}` },
});
