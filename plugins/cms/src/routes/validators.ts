import { createValidator, isUuid } from '@wizamart/plugin-sdk';
import { mediaNotFound, pageNotFound } from '../errors.js';
import type { PageFields, ThemeValues } from '../model.js';
import pageSchema from './schemas/page.schema.json' with { type: 'json' };
import pagePatchSchema from './schemas/page-patch.schema.json' with { type: 'json' };
import pagingSchema from './schemas/paging.schema.json' with { type: 'json' };
import paramsSchema from './schemas/params.schema.json' with { type: 'json' };
import themeSchema from './schemas/theme.schema.json' with { type: 'json' };

// Compiled once per process: plugins register again for every test host, and ajv would refuse a schema twice.
export const parsePage = createValidator<PageFields>(pageSchema);
export const parsePagePatch = createValidator<Partial<PageFields>>(pagePatchSchema);
export const parseTheme = createValidator<ThemeValues>(themeSchema);
const parseParamsObject = createValidator<{ id?: string; slug?: string }>(paramsSchema);
const SLUG = new RegExp(paramsSchema.properties.slug.pattern);
const parsePagingObject = createValidator<{ page: string; pageSize: string }>(pagingSchema);

/** Route parameters (`:id` a UUID, `:slug` a page slug), checked before they reach a query. */
export function parseParams(params: Record<string, unknown>): { id: string; slug: string } {
  const checked = parseParamsObject({ ...params });
  return { id: checked.id ?? '', slug: checked.slug ?? '' };
}

/** `:slug` of a storefront page; anything that cannot be a slug is simply a page that does not exist. */
export function parseSlug(params: Record<string, unknown>): string {
  const slug = params.slug;
  if (typeof slug !== 'string' || !SLUG.test(slug)) throw pageNotFound();
  return slug;
}

/** `:id` of a storefront media file; anything but a UUID is a file that does not exist. */
export function parseMediaId(params: Record<string, unknown>): string {
  const id = params.id;
  if (typeof id !== 'string' || !isUuid(id)) throw mediaNotFound();
  return id;
}

/** `?page=&pageSize=` (1-based page, at most 100 per page) as limit and offset. */
export function parsePaging(query: unknown): { page: number; pageSize: number; limit: number; offset: number } {
  const checked = parsePagingObject({ ...(query as Record<string, unknown>) });
  const page = Number(checked.page);
  const pageSize = Number(checked.pageSize);
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

/** A page form post (urlencoded strings, `published` a checkbox) as page input. */
export function pageFromForm(body: Record<string, unknown>): Record<string, unknown> {
  return {
    slug: String(body.slug ?? '').trim(),
    title: String(body.title ?? '').trim(),
    body: String(body.body ?? '').replace(/\r\n/g, '\n'),
    published: body.published === 'on' || body.published === 'true',
  };
}

/** A theme form post as theme input (an empty logo choice means no logo). */
export function themeFromForm(body: Record<string, unknown>): Record<string, unknown> {
  const field = (name: string) => String(body[name] ?? '').trim();
  return {
    primaryColor: field('primaryColor'),
    accentColor: field('accentColor'),
    backgroundColor: field('backgroundColor'),
    textColor: field('textColor'),
    font: field('font'),
    logoMediaId: field('logoMediaId') || null,
  };
}
