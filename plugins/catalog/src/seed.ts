import type { CmsMedia } from '@wizamart/plugin-cms';
import { createRequestContext, type RequestContext } from '@wizamart/plugin-sdk';
import type { Store, StoreDirectory } from '@wizamart/plugin-tenancy';
import { demoImage, hsl, type DemoImageStyle } from './seed-images.js';
import type { CategoryService } from './services/category.service.js';
import type { ProductInput } from './services/product-input.js';
import type { ProductService } from './services/product.service.js';
import { slugify } from './services/slug.js';

interface DemoCategory {
  name: string;
  children?: string[];
}

interface DemoLine {
  category: string;
  nouns: string[];
  adjectives: string[];
  base: number;
  options: Array<{ name: string; values: string[] }>;
  blurb: string;
}

const FASHION: { categories: DemoCategory[]; lines: DemoLine[] } = {
  categories: [
    { name: 'Women', children: ['Dresses', 'Tops'] },
    { name: 'Men', children: ['Shirts', 'Trousers'] },
    { name: 'Accessories' },
  ],
  lines: [
    {
      category: 'dresses',
      nouns: ['Summer Dress', 'Wrap Dress', 'Maxi Dress'],
      adjectives: ['Linen', 'Floral', 'Crème'],
      base: 5900,
      options: [{ name: 'Size', values: ['S', 'M', 'L'] }],
      blurb: 'Cut from breathable fabric with a relaxed fit; machine washable at 30 °C.',
    },
    {
      category: 'tops',
      nouns: ['Blouse', 'T-Shirt'],
      adjectives: ['Organic', 'Striped', 'Café'],
      base: 2900,
      options: [
        { name: 'Size', values: ['S', 'M', 'L'] },
        { name: 'Colour', values: ['White', 'Navy'] },
      ],
      blurb: 'Soft organic cotton jersey, sewn in small workshops.',
    },
    {
      category: 'shirts',
      nouns: ['Oxford Shirt', 'Flannel Shirt'],
      adjectives: ['Classic', 'Washed', 'Slim'],
      base: 4900,
      options: [{ name: 'Size', values: ['M', 'L', 'XL'] }],
      blurb: 'A button-down shirt that gets softer with every wash.',
    },
    {
      category: 'trousers',
      nouns: ['Chinos', 'Jeans'],
      adjectives: ['Straight', 'Tapered', 'Relaxed'],
      base: 6900,
      options: [{ name: 'Waist', values: ['30', '32', '34'] }],
      blurb: 'Sturdy cotton twill with a touch of stretch.',
    },
    {
      category: 'accessories',
      nouns: ['Scarf', 'Beanie', 'Tote Bag'],
      adjectives: ['Wool', 'Recycled'],
      base: 1900,
      options: [],
      blurb: 'Made from leftover yarn and fabric, one size.',
    },
  ],
};

const TECHHUB: { categories: DemoCategory[]; lines: DemoLine[] } = {
  categories: [
    { name: 'Computers', children: ['Laptops', 'Monitors'] },
    { name: 'Phones' },
    { name: 'Audio' },
    { name: 'Accessories' },
  ],
  lines: [
    {
      category: 'laptops',
      nouns: ['Ultrabook 13', 'Workstation 15', 'Chromebook 14'],
      adjectives: ['Pro', 'Air'],
      base: 89900,
      options: [{ name: 'Memory', values: ['16 GB', '32 GB'] }],
      blurb: 'All-day battery, a bright display and a keyboard that is a pleasure to type on.',
    },
    {
      category: 'monitors',
      nouns: ['Monitor 27"', 'Monitor 32"'],
      adjectives: ['4K', 'Curved'],
      base: 34900,
      options: [],
      blurb: 'Colour-accurate panel with USB-C power delivery.',
    },
    {
      category: 'phones',
      nouns: ['Smartphone', 'Phone Mini'],
      adjectives: ['Nova', 'Éclair', 'Zenith'],
      base: 59900,
      options: [
        { name: 'Storage', values: ['128 GB', '256 GB'] },
        { name: 'Colour', values: ['Black', 'Silver'] },
      ],
      blurb: 'Fast, private and supported with updates for years.',
    },
    {
      category: 'audio',
      nouns: ['Headphones', 'Earbuds', 'Speaker'],
      adjectives: ['Wireless', 'Studio'],
      base: 12900,
      options: [],
      blurb: 'Clear sound with active noise cancelling.',
    },
    {
      category: 'accessories',
      nouns: ['USB-C Cable', 'Charger 65 W', 'Laptop Sleeve'],
      adjectives: ['Braided', 'Travel'],
      base: 1900,
      options: [],
      blurb: 'Tested to work with every device we sell.',
    },
  ],
};

const DEMO = { fashion: FASHION, techhub: TECHHUB } as const;

function combinations(options: Array<{ name: string; values: string[] }>): Array<Record<string, string>> {
  return options.reduce<Array<Record<string, string>>>(
    (acc, option) => acc.flatMap((combo) => option.values.map((value) => ({ ...combo, [option.name]: value }))),
    [{}],
  );
}

/** The demo products of one line: every adjective × noun, each with one variant per option combination. */
function demoProducts(line: DemoLine, prefix: string, categoryId: string): ProductInput[] {
  const products: ProductInput[] = [];
  for (const [n, noun] of line.nouns.entries()) {
    for (const [a, adjective] of line.adjectives.entries()) {
      const title = `${adjective} ${noun}`;
      const sku = `${prefix}-${title
        .toUpperCase()
        .normalize('NFKD')
        .replace(/[^A-Z0-9]+/g, '')}`.slice(0, 40);
      const price = line.base + (n * 3 + a) * 500;
      products.push({
        title,
        status: 'active',
        featured: n === 0 && a === 0,
        description: `**${title}.** ${line.blurb}`,
        options: line.options,
        categoryIds: [categoryId],
        variants: combinations(line.options).map((optionValues, v) => ({
          sku: `${sku}-${v + 1}`,
          price: price + v * 200,
          optionValues,
          compareAtPrice: a === 1 ? price + 1000 : null,
        })),
      });
    }
  }
  return products;
}

/** Demo picture colours (hue, name); each product takes one by its title, so colours look random but stay stable. */
const PALETTE: Array<[number, string]> = [
  [350, 'rose'],
  [25, 'amber'],
  [140, 'green'],
  [195, 'teal'],
  [225, 'blue'],
  [275, 'violet'],
];
const STYLES: DemoImageStyle[] = ['gradient', 'stripes'];

// Encoded once per process: every store uploads the same few pictures, and tests boot many hosts.
const encoded = new Map<string, Buffer>();

function pictureBytes(colour: number, style: DemoImageStyle): Buffer {
  const key = `${colour}:${style}`;
  if (!encoded.has(key)) encoded.set(key, demoImage(hsl(PALETTE[colour][0], 0.55, 0.55), style));
  return encoded.get(key)!;
}

function colourOf(title: string): number {
  let hash = 0;
  for (const char of title) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % PALETTE.length;
}

/**
 * A store's demo pictures, uploaded to its media library on first use (a small set reused across products keeps the
 * seed fast): two per colour, a gradient and a striped one.
 */
function demoPictures(media: CmsMedia, ctx: RequestContext) {
  const uploaded = new Map<number, Promise<string[]>>();
  const upload = (colour: number) =>
    Promise.all(
      STYLES.map(
        async (style) =>
          (
            await media.upload(ctx, {
              originalName: `demo-${PALETTE[colour][1]}-${style}.png`,
              bytes: pictureBytes(colour, style),
              alt: `Demo picture, ${PALETTE[colour][1]} ${style}`,
            })
          ).id,
      ),
    );
  return async (title: string): Promise<Array<{ mediaId: string; alt: string }>> => {
    const colour = colourOf(title);
    if (!uploaded.has(colour)) uploaded.set(colour, upload(colour));
    const [front, detail] = await uploaded.get(colour)!;
    return [
      { mediaId: front, alt: title },
      { mediaId: detail, alt: `${title}, detail` },
    ];
  };
}

/**
 * The `demo` seed: categories and about 60 active products with variants and pictures for the demo stores `fashion`
 * and `techhub` (made by tenancy's seed, which runs first). Idempotent: a store that already has a product with a demo
 * slug keeps it, and pictures are only uploaded for products that are added.
 */
export function createDemoSeed(deps: {
  stores: StoreDirectory;
  products: ProductService;
  categories: CategoryService;
  media: CmsMedia;
}) {
  return async (): Promise<string[]> => {
    const lines: string[] = [];
    for (const [code, demo] of Object.entries(DEMO)) {
      const found = await deps.stores.byCode(code);
      if (!found) continue;
      const ctx = seedContext(found);
      const slugs = await ensureCategories(deps.categories, ctx, demo.categories);
      const { items } = await deps.products.list(ctx, { limit: 100, offset: 0 });
      const existing = new Set(items.map((product) => product.slug));
      const pictures = demoPictures(deps.media, ctx);
      let created = 0;
      for (const line of demo.lines) {
        for (const product of demoProducts(line, code.slice(0, 4).toUpperCase(), slugs.get(line.category)!)) {
          if (existing.has(slugify(product.title))) continue;
          await deps.products.create(ctx, { ...product, images: await pictures(product.title) });
          created++;
        }
      }
      lines.push(`Catalog of ${found.name}: ${created} demo products added at {url}/storefront/${code}/products`);
    }
    return lines;
  };
}

/** The context the seed acts in for a store: its store dashboard, as an admin. */
function seedContext(store: Store): RequestContext {
  const base = `/storefront/${encodeURIComponent(store.code)}`;
  const actor = { kind: 'admin' as const, permissions: ['*'] };
  return createRequestContext({ surface: 'store', store: { ...store, base }, actor });
}

async function ensureCategories(
  categories: CategoryService,
  ctx: RequestContext,
  tree: DemoCategory[],
): Promise<Map<string, string>> {
  const existing = new Map((await categories.list(ctx)).map((category) => [category.slug, category.id]));
  const ensure = async (name: string, parentId: string | null, position: number) => {
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    if (!existing.has(slug)) existing.set(slug, (await categories.create(ctx, { name, slug, parentId, position })).id);
    return existing.get(slug)!;
  };
  for (const [position, category] of tree.entries()) {
    const id = await ensure(category.name, null, position);
    for (const [childPosition, child] of (category.children ?? []).entries()) await ensure(child, id, childPosition);
  }
  return existing;
}
