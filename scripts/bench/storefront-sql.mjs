// The SQL a storefront listing without filters runs (newest first), exactly as the catalog's StorefrontRepository.list
// sends it (built once per listing shape, `?` numbered by knex) and as cms's MediaRepository.byIds renders its lookup;
// the bare baseline and the database-only timing use it.
/** The page with its total, cheapest variant and first image per card ($1 store id, $2 page size, $3 offset). */
export const LISTING_SQL = `select p.id, p.title, p.slug, p.min_price as "minPrice", v.currency, v.compare_at_price as "compareAtPrice", i.media_id as "imageId", p.rank, p.total from (select p.id, p.title, p.slug, p.min_price, p.created_at, null::real as rank, count(*) over () as total from catalog.products p where p.store_id = $1 and p.status = 'active' and p.deleted_at is null order by p.created_at desc, p.id limit $2 offset $3) p left join lateral (select v.currency, v.compare_at_price from catalog.variants v where v.product_id = p.id order by v.price, v.position limit 1) v on true left join lateral (select i.media_id from catalog.product_images i where i.product_id = p.id order by i.position limit 1) i on true order by p.created_at desc, p.id`;
/** The total alone, only for a page past the end (which has no row to carry it; $1 store id). */
export const COUNT_SQL = `select count(*) as total from catalog.products p where p.store_id = $1 and p.status = 'active' and p.deleted_at is null`;
export const MEDIA_SQL = `select "id" as "id", "store_id" as "storeId", "storage_key" as "storageKey", "original_name" as "originalName", "content_type" as "contentType", "size_bytes" as "sizeBytes", "alt" as "alt", "width" as "width", "height" as "height", "created_at" as "createdAt" from "cms"."media" where "store_id" = $1 and "id" = any($2::uuid[])`;

/** The page of `pool`'s store as the host reads it: one statement, the count only for a page past the end. */
export async function listingPage(pool, storeId, pageSize = 24, offset = 0) {
  const { rows } = await pool.query(LISTING_SQL, [storeId, pageSize, offset]);
  if (rows.length || !offset) return { items: rows, total: Number(rows[0]?.total ?? 0) };
  return { items: rows, total: Number((await pool.query(COUNT_SQL, [storeId])).rows[0].total) };
}

/** The cms media items of the store among `ids`, as CmsMedia.byIds reads them (`$1` store id, `$2` the ids as one array). */
export async function mediaRows(pool, storeId, ids) {
  return ids.length ? (await pool.query(MEDIA_SQL, [storeId, ids])).rows : [];
}

/** Runs one listing on `pool` as the host does: the page (with its total), then the cards' pictures. */
export async function listing(pool, storeId, pageSize = 24) {
  const page = await listingPage(pool, storeId, pageSize);
  const media = await mediaRows(pool, storeId, [...new Set(page.items.map((item) => item.imageId).filter(Boolean))]);
  return { ...page, media };
}
