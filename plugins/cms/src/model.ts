/**
 * Types shared by this plugin's routes, services and repositories: the layers import them from here, not from each
 * other.
 */

/** Font stacks a store may pick; only locally installed families, unquoted so they survive HTML escaping. */
export const SAFE_FONTS = {
  system: 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif',
  serif: 'Georgia, Cambria, Times New Roman, Times, serif',
  humanist: 'Seravek, Gill Sans Nova, Ubuntu, Calibri, DejaVu Sans, sans-serif',
  geometric: 'Avenir, Montserrat, Corbel, URW Gothic, sans-serif',
  mono: 'ui-monospace, SFMono-Regular, Menlo, Consolas, Liberation Mono, monospace',
} as const;

/** The name of one of {@link SAFE_FONTS}. */
export type FontName = keyof typeof SAFE_FONTS;

/** A store's theme as stored and edited. */
export interface ThemeValues {
  primaryColor: string;
  accentColor: string;
  backgroundColor: string;
  textColor: string;
  font: FontName;
  logoMediaId: string | null;
}

/** A content page as stored (Markdown body, not rendered). */
export interface PageRecord {
  id: string;
  storeId: string;
  slug: string;
  title: string;
  body: string;
  published: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The fields of a page a person edits. */
export type PageFields = Pick<PageRecord, 'slug' | 'title' | 'body' | 'published'>;

/** A media item's metadata; the bytes live in the media storage under `storageKey`. */
export interface MediaRecord {
  id: string;
  storeId: string;
  storageKey: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  /** Alt text given at upload ('' when none). */
  alt: string;
  /** Pixel size from the image header; null when unknown (items uploaded before sizes were recorded). */
  width: number | null;
  height: number | null;
  createdAt: Date;
}
