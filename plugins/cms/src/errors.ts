import { defineErrors } from '@wizamart/plugin-sdk';

/** The cms plugin's errors (codes documented in docs/errors.md, "cms plugin"). */
export const cmsErrors = defineErrors({
  WZ_CMS_PAGE_NOT_FOUND: { status: 404, message: 'No such page in this store' },
  WZ_CMS_SLUG_TAKEN: {
    status: 409,
    message: (p: { slug: string }) => `Another page of this store already uses the slug "${p.slug}"`,
  },
  WZ_CMS_MEDIA_NOT_FOUND: { status: 404, message: 'No such media item in this store' },
  WZ_CMS_MEDIA_TOO_LARGE: {
    status: 413,
    message: (p: { maxBytes: number }) => `The file is larger than the ${Math.floor(p.maxBytes / 1024)} KB limit`,
  },
  WZ_CMS_MEDIA_TYPE_REFUSED: {
    status: 415,
    message: (_p: { detected: string; accepted: string[] }) => 'Only PNG, JPEG, WebP and GIF images can be uploaded',
  },
  WZ_CMS_MEDIA_UPLOAD_INVALID: { status: 400, message: (p: { problem: string }) => p.problem },
});

export const pageNotFound = () => cmsErrors.WZ_CMS_PAGE_NOT_FOUND();
export const mediaNotFound = () => cmsErrors.WZ_CMS_MEDIA_NOT_FOUND();
