import { WizamartError } from '@wizamart/plugin-sdk';

/** This plugin's own error codes, `WZ___CODE___<WHAT>`; list each one in the README with its meaning and fix. */
export const __CODE___ERRORS = {
  /** A job id that this plugin does not know (404). */
  jobNotFound: 'WZ___CODE___JOB_NOT_FOUND',
} as const;

/** 404 for a job id that is unknown or belongs to another plugin. */
export function jobNotFound(id: string): WizamartError {
  return new WizamartError(__CODE___ERRORS.jobNotFound, `No __code__ job ${id}`, { status: 404, details: { id } });
}
