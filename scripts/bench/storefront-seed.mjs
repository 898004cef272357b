// Seeding for bench-storefront: stores in tenancy's schema (a merchant each, platform `main`) and for each store a
// category tree, products with generated titles and Markdown descriptions (so full-text search has real text to rank),
// variants, images (items of the cms media library) and category links, all written with one multi-row
// `insert … select from unnest(…)` per table and chunk. The text comes from a PRNG seeded with the store's number, so
// store N has the same catalog in every database (the scaling comparison measures the same store, same products).
import { randomUUID } from 'node:crypto';

/** The code of the store numbered `n` (1-based): `shop-0001`. */
export const storeCode = (n) => `shop-${String(n).padStart(4, '0')}`;

function prng(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTMENTS = [
  {
    name: 'Clothing',
    children: ['Knitwear', 'Jackets', 'T-Shirts'],
    nouns: ['Sweater', 'Cardigan', 'Jacket', 'Parka', 'T-Shirt', 'Hoodie', 'Shirt', 'Scarf', 'Beanie', 'Trousers'],
    materials: ['Merino Wool', 'Organic Cotton', 'Linen', 'Cashmere', 'Recycled Polyester', 'Suède', 'Denim', 'Fleece'],
    features: [
      'breathable',
      'machine washable',
      'water-repellent',
      'relaxed fit',
      'ribbed cuffs',
      'brushed inside',
      'reinforced seams',
    ],
    sizes: ['XS', 'S', 'M', 'L', 'XL'],
  },
  {
    name: 'Kitchen',
    children: ['Coffee', 'Cookware'],
    nouns: [
      'Mug',
      'Espresso Cup',
      'Café Press',
      'Skillet',
      'Saucepan',
      'Teapot',
      'Grinder',
      'Crème Brûlée Set',
      'Kettle',
      'Cutting Board',
    ],
    materials: [
      'Stoneware',
      'Cast Iron',
      'Stainless Steel',
      'Porcelain',
      'Borosilicate Glass',
      'Walnut',
      'Enamel',
      'Copper',
    ],
    features: [
      'dishwasher safe',
      'induction ready',
      'oven safe to 250 °C',
      'hand finished',
      'non-stick',
      'lead free glaze',
      'ergonomic handle',
    ],
    sizes: ['250 ml', '350 ml', '500 ml', '1 l'],
  },
  {
    name: 'Outdoor',
    children: ['Camping', 'Hiking'],
    nouns: [
      'Backpack',
      'Tent',
      'Sleeping Bag',
      'Headlamp',
      'Water Bottle',
      'Trekking Poles',
      'Rain Jacket',
      'Camp Stove',
      'Hammock',
      'Dry Bag',
    ],
    materials: ['Ripstop Nylon', 'Aluminium', 'Titanium', 'Canvas', 'Gore-Tex', 'Down', 'Carbon Fibre', 'Waxed Cotton'],
    features: ['waterproof', 'ultralight', 'packable', 'windproof', 'UV resistant', 'taped seams', 'lifetime warranty'],
    sizes: ['20 l', '30 l', '45 l', '60 l'],
  },
  {
    name: 'Electronics',
    children: ['Audio', 'Chargers'],
    nouns: [
      'Headphones',
      'Speaker',
      'Charger',
      'Power Bank',
      'Earbuds',
      'Cable',
      'Keyboard',
      'Mouse',
      'Webcam',
      'Desk Lamp',
    ],
    materials: [
      'Wireless',
      'Bluetooth',
      'USB-C',
      'Noise Cancelling',
      'Mechanical',
      'Aluminium',
      'Recycled Plastic',
      'Fast Charging',
    ],
    features: [
      '30 hour battery',
      'low latency',
      'multipoint pairing',
      'braided cable',
      'two year warranty',
      'travel case included',
      'fast charging',
    ],
    sizes: ['Black', 'White', 'Silver', 'Blue'],
  },
];
const ADJECTIVES = [
  'Classic',
  'Everyday',
  'Alpine',
  'Nordic',
  'Urban',
  'Heritage',
  'Studio',
  'Coastal',
  'Vintage',
  'Essential',
  'Premium',
  'Compact',
  'Crème',
  'Señorita',
  'Midnight',
  'Forest',
];
const SENTENCES = [
  (w) => `Our **${w.title}** is made from ${w.material.toLowerCase()} and built to last for years of daily use.`,
  (w) => `Designed in small batches, it is ${w.feature} and ${w.feature2}.`,
  (w) =>
    `A favourite of our customers for ${w.season} — pair it with anything from the ${w.department.toLowerCase()} range.`,
  (w) => `Every ${w.noun.toLowerCase()} is checked by hand before it leaves the workshop.`,
  (w) => `Care: wipe clean or follow the label; ${w.feature} details keep it looking new.`,
  () => `Sourced responsibly, packed without plastic, shipped within two working days.`,
  (w) => `The ${w.adjective.toLowerCase()} look works as well in town as on a weekend away.`,
];
const SEASONS = ['winter', 'summer', 'spring walks', 'autumn evenings', 'the whole year', 'long trips'];

/** The catalog of store `n`: categories (a two-level tree) and `count` products with variants and images. */
export function storeCatalog(n, count) {
  const random = prng(n * 7919);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const categories = [];
  const leaves = [];
  DEPARTMENTS.forEach((department, index) => {
    const root = {
      id: randomUUID(),
      parentId: null,
      name: department.name,
      slug: department.name.toLowerCase(),
      position: index,
    };
    categories.push(root);
    department.children.forEach((child, position) => {
      const leaf = {
        id: randomUUID(),
        parentId: root.id,
        name: child,
        slug: child.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        position,
        department,
      };
      categories.push(leaf);
      leaves.push(leaf);
    });
  });
  const products = [];
  const slugs = new Set();
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const leaf = pick(leaves);
    const department = leaf.department;
    const words = {
      adjective: pick(ADJECTIVES),
      material: pick(department.materials),
      noun: pick(department.nouns),
      department: department.name,
      feature: pick(department.features),
      feature2: pick(department.features),
      season: pick(SEASONS),
    };
    words.title = `${words.adjective} ${words.material} ${words.noun}`;
    let title = words.title;
    let slug = slugify(title);
    for (let k = 2; slugs.has(slug); k++) {
      title = `${words.title} ${k}`;
      slug = slugify(title);
    }
    slugs.add(slug);
    const sentences = Array.from({ length: 3 + Math.floor(random() * 4) }, () => pick(SENTENCES)(words));
    const description = `${sentences.slice(0, 2).join(' ')}\n\n${sentences.slice(2).join(' ')}\n\n- ${words.feature}\n- ${words.feature2}\n- ${words.material}`;
    const base = 900 + Math.floor(random() * 200) * 50; // 9.00 to 108.50
    const sizes = department.sizes.slice(0, 1 + Math.floor(random() * department.sizes.length));
    const variants = sizes.map((size, position) => ({
      id: randomUUID(),
      sku: `${slug.slice(0, 40).toUpperCase()}-${i}-${position}`,
      optionValues: { size },
      price: base + position * 200,
      compareAtPrice: random() < 0.2 ? base + position * 200 + 1000 : null,
      weightGrams: 100 + Math.floor(random() * 2000),
      position,
    }));
    const images = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, position) => ({
      mediaId: randomUUID(),
      position,
      alt: `${title} ${position + 1}`,
    }));
    products.push({
      id: randomUUID(),
      title,
      slug,
      description,
      featured: random() < 0.1,
      options: [{ name: 'size', values: sizes }],
      minPrice: base,
      createdAt: new Date(now - (count - i) * 60_000 - n * 1000),
      variants,
      images,
      categoryId: leaf.id,
    });
  }
  return { categories, products };
}

function slugify(title) {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

const column = (rows, key) => rows.map((row) => row[key]);

/**
 * Adds stores `from`..`to` (inclusive, 1-based) with `perStore` active products each, in chunks of `chunk` stores per
 * transaction. Returns the number of products written.
 */
export async function seedStores(pool, { from, to, perStore, chunk = 50 }) {
  let written = 0;
  for (let start = from; start <= to; start += chunk) {
    const end = Math.min(to, start + chunk - 1);
    const stores = [];
    for (let n = start; n <= end; n++)
      stores.push({ n, id: randomUUID(), merchantId: randomUUID(), ...storeCatalog(n, perStore) });
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(
        'insert into tenancy.merchants (id, name, email) select * from unnest($1::uuid[], $2::text[], $3::text[])',
        [
          column(stores, 'merchantId'),
          stores.map((s) => `Merchant ${s.n}`),
          stores.map((s) => `owner@${storeCode(s.n)}.example`),
        ],
      );
      await client.query(
        `insert into tenancy.stores (id, code, name, merchant_id, platform, status, currency, locale)
         select id, code, name, merchant_id, 'main', 'active', 'EUR', 'en' from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[]) as s(id, code, name, merchant_id)`,
        [
          column(stores, 'id'),
          stores.map((s) => storeCode(s.n)),
          stores.map((s) => `Shop ${s.n}`),
          column(stores, 'merchantId'),
        ],
      );
      const categories = stores.flatMap((s) => s.categories.map((c) => ({ ...c, storeId: s.id })));
      await client.query(
        `insert into catalog.categories (id, store_id, parent_id, name, slug, position)
         select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::int[])`,
        [
          column(categories, 'id'),
          column(categories, 'storeId'),
          column(categories, 'parentId'),
          column(categories, 'name'),
          column(categories, 'slug'),
          column(categories, 'position'),
        ],
      );
      const products = stores.flatMap((s) => s.products.map((p) => ({ ...p, storeId: s.id })));
      await client.query(
        `insert into catalog.products (id, store_id, title, slug, description, status, featured, options, min_price, created_at, updated_at)
         select id, store_id, title, slug, description, 'active', featured, options, min_price, created_at, created_at
         from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::jsonb[], $8::int[], $9::timestamptz[])
           as p(id, store_id, title, slug, description, featured, options, min_price, created_at)`,
        [
          column(products, 'id'),
          column(products, 'storeId'),
          column(products, 'title'),
          column(products, 'slug'),
          column(products, 'description'),
          column(products, 'featured'),
          products.map((p) => JSON.stringify(p.options)),
          column(products, 'minPrice'),
          column(products, 'createdAt'),
        ],
      );
      const variants = products.flatMap((p) =>
        p.variants.map((v) => ({ ...v, productId: p.id, storeId: p.storeId, createdAt: p.createdAt })),
      );
      await client.query(
        `insert into catalog.variants (id, store_id, product_id, sku, option_values, price, currency, compare_at_price, weight_grams, position, created_at, updated_at)
         select id, store_id, product_id, sku, option_values, price, 'EUR', compare_at_price, weight_grams, position, created_at, created_at
         from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::jsonb[], $6::int[], $7::int[], $8::int[], $9::int[], $10::timestamptz[])
           as v(id, store_id, product_id, sku, option_values, price, compare_at_price, weight_grams, position, created_at)`,
        [
          column(variants, 'id'),
          column(variants, 'storeId'),
          column(variants, 'productId'),
          column(variants, 'sku'),
          variants.map((v) => JSON.stringify(v.optionValues)),
          column(variants, 'price'),
          column(variants, 'compareAtPrice'),
          column(variants, 'weightGrams'),
          column(variants, 'position'),
          column(variants, 'createdAt'),
        ],
      );
      const images = products.flatMap((p) => p.images.map((i) => ({ ...i, productId: p.id, storeId: p.storeId })));
      // The pictures are items of the store's cms media library (the listing resolves the first one per product there).
      await client.query(
        `insert into cms.media (id, store_id, storage_key, original_name, content_type, size_bytes, alt, width, height, created_at)
         select id, store_id, store_id || '/' || id || '.webp', name, 'image/webp', size_bytes, alt, 1200, 1200, now() from unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[]) as m(id, store_id, name, size_bytes, alt)`,
        [
          column(images, 'mediaId'),
          column(images, 'storeId'),
          images.map((i) => `${i.alt.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.webp`),
          images.map((i) => 40_000 + ((i.position * 7919) % 60_000)),
          column(images, 'alt'),
        ],
      );
      await client.query(
        'insert into catalog.product_images (product_id, media_id, position, alt) select * from unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[])',
        [column(images, 'productId'), column(images, 'mediaId'), column(images, 'position'), column(images, 'alt')],
      );
      await client.query(
        'insert into catalog.product_categories (product_id, category_id) select * from unnest($1::uuid[], $2::uuid[])',
        [column(products, 'id'), column(products, 'categoryId')],
      );
      await client.query('commit');
      written += products.length;
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
  // A steady-state database: planner statistics and visibility map up to date, as autovacuum would leave them.
  await pool.query(
    'vacuum analyze catalog.products, catalog.variants, catalog.product_images, catalog.product_categories, catalog.categories, cms.media, tenancy.stores',
  );
  return written;
}
