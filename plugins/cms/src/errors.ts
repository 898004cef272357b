import { WizamartError } from '@wizamart/plugin-sdk';

/** The cms plugin's error codes with their HTTP status (documented in docs/errors.md). */
export const CMS_ERRORS = {
  WZ_CMS_PAGE_NOT_FOUND: 404,
  WZ_CMS_SLUG_TAKEN: 409,
  WZ_CMS_MEDIA_NOT_FOUND: 404,
  WZ_CMS_MEDIA_TOO_LARGE: 413,
  WZ_CMS_MEDIA_TYPE_REFUSED: 415,
  WZ_CMS_MEDIA_UPLOAD_INVALID: 400,
} as const;

export type CmsErrorCode = keyof typeof CMS_ERRORS;

/** A `WizamartError` with one of the cms codes and its catalog status. */
export function cmsError(code: CmsErrorCode, message: string, details?: Record<string, unknown>): WizamartError {
  return new WizamartError(code, message, { status: CMS_ERRORS[code], details });
}

export const pageNotFound = (): WizamartError => cmsError('WZ_CMS_PAGE_NOT_FOUND', 'No such page in this store');
export const mediaNotFound = (): WizamartError => cmsError('WZ_CMS_MEDIA_NOT_FOUND', 'No such media item in this store');
