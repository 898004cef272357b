import { fileTypeFromBuffer } from 'file-type';
import { cmsErrors } from '../errors.js';

/** The image types the media library accepts, by the type their bytes show (never the declared one). */
export const ACCEPTED_IMAGE_TYPES = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
} as const;

export type AcceptedImageType = keyof typeof ACCEPTED_IMAGE_TYPES;

/** What the bytes of an upload turned out to be. */
export interface SniffedImage {
  contentType: AcceptedImageType;
  extension: (typeof ACCEPTED_IMAGE_TYPES)[AcceptedImageType];
}

/**
 * Finds the real type of an upload from its magic bytes. Anything but PNG, JPEG, WebP or GIF — HTML renamed `.png`,
 * SVG (which can carry script), unknown bytes — throws 415 `WZ_CMS_MEDIA_TYPE_REFUSED`.
 */
export async function sniffImage(bytes: Uint8Array): Promise<SniffedImage> {
  const found = await fileTypeFromBuffer(bytes);
  const mime = found?.mime as string | undefined;
  if (mime && Object.hasOwn(ACCEPTED_IMAGE_TYPES, mime)) {
    const contentType = mime as AcceptedImageType;
    return { contentType, extension: ACCEPTED_IMAGE_TYPES[contentType] };
  }
  const accepted = Object.keys(ACCEPTED_IMAGE_TYPES);
  throw cmsErrors.WZ_CMS_MEDIA_TYPE_REFUSED({ detected: mime ?? 'unknown', accepted });
}
