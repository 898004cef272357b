// Child process of bench-storefront, on the database at DATABASE_URL. `host`: the full host with the first-party
// plugins (their storefront routes, tenant resolution, enablement gate, logging at info level to stdout, which the
// parent sends to /dev/null). `bare`: express + pg serving the catalog listing API with exactly the SQL the catalog
// runs for a listing without filters (newest first: one statement for the page with its total, then the cards'
// pictures from the cms media library), the same JSON, the store looked up by code once and kept in a Map (as
// tenancy's store cache does). bench-storefront checks that both answer the same JSON before it measures. Reports its
// URL over IPC; exits on SIGTERM.
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listingPage, mediaRows } from './storefront-sql.mjs';

const mode = process.argv[2];
const databaseUrl = process.env.DATABASE_URL;
const ready = (url) => (process.send ? process.send({ ready: url }) : console.log(`READY ${url}`));
process.on('message', (message) => {
  if (message === 'cpu') process.send({ cpu: process.cpuUsage() });
});
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

if (mode === 'bare') {
  const { default: express } = await import('express');
  const { default: pg } = await import('pg');
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  // The host's knex pool is 10 connections (POOLS.app); the baseline gets the same.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const stores = new Map();
  const storeByCode = async (code) => {
    if (!stores.has(code))
      stores.set(
        code,
        (await pool.query('select id, code, currency, platform, status from tenancy.stores where code = $1', [code]))
          .rows[0] ?? null,
      );
    return stores.get(code);
  };
  const app = express();
  app.get('/api/v1/storefront/:store/catalog/products', async (req, res, next) => {
    try {
      const store = await storeByCode(req.params.store);
      if (!store || store.status !== 'active') return res.status(404).json({ error: { code: 'WZ_STORE_NOT_FOUND' } });
      const page = Number(req.query.page ?? 1);
      const pageSize = Math.min(100, Number(req.query.pageSize ?? 24));
      const offset = (page - 1) * pageSize;
      const base = `/storefront/${store.code}`;
      const { items, total } = await listingPage(pool, store.id, pageSize, offset);
      // Then the cards' pictures from the cms media library, as CmsMedia.byIds does (the store's items among the ids).
      const ids = [...new Set(items.map((item) => item.imageId).filter(Boolean))];
      const media = new Map((await mediaRows(pool, store.id, ids)).map((row) => [row.id, row]));
      res.json({
        items: items.map((item) => {
          const image = item.imageId ? media.get(item.imageId) : undefined;
          return {
            id: item.id,
            title: item.title,
            slug: item.slug,
            url: `${base}/products/${item.slug}`,
            price: item.minPrice,
            currency: item.currency,
            compareAtPrice: item.compareAtPrice,
            imageUrl: image ? `${base}/cms/media/${image.id}` : null,
            imageWidth: image?.width && image?.height ? image.width : null,
            imageHeight: image?.width && image?.height ? image.height : null,
          };
        }),
        total,
        page,
        pageSize,
        pages: Math.max(1, Math.ceil(total / pageSize)),
        sort: 'newest',
      });
    } catch (error) {
      next(error);
    }
  });
  const server = app.listen(0, '127.0.0.1', () => ready(`http://127.0.0.1:${server.address().port}`));
  process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
} else {
  const { startHost, readPluginPackage } = await import('../../host/dist/src/index.js');
  const codes = (process.env.BENCH_PLUGINS ?? '').split(',').filter(Boolean);
  const dirs = codes.length
    ? codes
    : readdirSync(path.join(root, 'plugins')).filter((code) =>
        existsSync(path.join(root, 'plugins', code, 'package.json')),
      );
  const packages = await Promise.all(dirs.map((code) => readPluginPackage(path.join(root, 'plugins', code))));
  const host = await startHost({
    packages,
    dataDir: 'memory://',
    databaseUrl,
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', LOG_PRETTY: 'false', WIZAMART_DEMO: 'false' },
  });
  const { url } = await host.listen(0, '127.0.0.1');
  ready(url);
  process.on('SIGTERM', () => host.stop().then(() => process.exit(0)));
}
