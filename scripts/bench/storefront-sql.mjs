// The SQL a storefront listing without filters runs (newest first), as knex renders it for the catalog's
// StorefrontRepository.list and cms's MediaRepository.byIds; the bare baseline and the database-only timing use it.
/** The page of products ($1 store id, $2 'active', $3 page size). */
export const LISTING_SQL = `select "p"."id" as "id", "p"."title" as "title", "p"."slug" as "slug", "p"."min_price" as "minPrice", "p"."created_at" as "createdAt", null::real as rank, (select v.currency from catalog.variants v where v.product_id = p.id order by v.price, v.position limit 1) as currency, (select v.compare_at_price from catalog.variants v where v.product_id = p.id order by v.price, v.position limit 1) as "compareAtPrice", (select i.media_id from catalog.product_images i where i.product_id = p.id order by i.position limit 1) as "imageId" from "catalog"."products" as "p" where "p"."store_id" = $1 and "p"."status" = $2 and "p"."deleted_at" is null order by "p"."created_at" desc, "p"."id" asc limit $3`;
export const MEDIA_SQL = `select "id" as "id", "store_id" as "storeId", "storage_key" as "storageKey", "original_name" as "originalName", "content_type" as "contentType", "size_bytes" as "sizeBytes", "alt" as "alt", "width" as "width", "height" as "height", "created_at" as "createdAt" from "cms"."media" where "store_id" = $1 and "id" in`;
export const COUNT_SQL = `select count(*) as "total" from "catalog"."products" as "p" where "p"."store_id" = $1 and "p"."status" = $2 and "p"."deleted_at" is null`;

/** Runs one listing on `pool` as the host does: the page and the count in parallel, then the cards' pictures. */
export async function listing(pool, storeId, pageSize = 24) {
  const [items, count] = await Promise.all([pool.query(LISTING_SQL, [storeId, 'active', pageSize]), pool.query(COUNT_SQL, [storeId, 'active'])]);
  const ids = [...new Set(items.rows.map((item) => item.imageId).filter(Boolean))];
  const media = ids.length ? (await pool.query(`${MEDIA_SQL} (${ids.map((_, i) => `$${i + 2}`).join(', ')})`, [storeId, ...ids])).rows : [];
  return { items: items.rows, total: Number(count.rows[0].total), media };
}
