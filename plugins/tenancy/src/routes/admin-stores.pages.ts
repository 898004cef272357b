import { permit, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { CoreUi } from '@wizamart/plugin-core';
import type { Request, Response, Router } from 'express';
import { actorOf } from '../http/request-info.js';
import type { Tenancy } from '../tenancy.js';
import { formAction, pager, pageUrl } from './page-actions.js';
import { formInput, paging, validate } from './validators.js';

/** The new-store form's input: an owner when an owner email is given. */
function newStoreInput(body: unknown): unknown {
  const { ownerEmail, ownerName, ownerPassword, ...store } = formInput(body) as Record<string, string | undefined>;
  if (!ownerEmail) return store;
  const owner = Object.fromEntries(
    Object.entries({ email: ownerEmail, name: ownerName, password: ownerPassword }).filter(([, v]) => v),
  );
  return { ...store, owner };
}

/** Admin console pages for stores: list with search and paging, create, edit, suspend, domains. */
export function adminStorePages(routes: PluginRoutes, tenancy: Tenancy, ui: () => CoreUi | undefined): Router {
  const router = routes.router();
  router.use(permit());
  const storeUrl = (req: Request) => pageUrl(req, `/stores/${encodeURIComponent(String(req.params.code))}`);

  router.get('/stores', async (req, res) => {
    const { q, page, pageSize, status, platform } = paging(req.query);
    const result = await tenancy.stores.search({ q, status, platform }, page, pageSize);
    res.render('tenancy/admin/stores', {
      title: 'Stores',
      q,
      status,
      stores: result.items,
      pager: pager(req, result, { q, status, platform }),
    });
  });
  const newStorePage = async (_req: Request, res: Response) => {
    const [merchants, platforms] = await Promise.all([
      tenancy.merchants.list(undefined, 1, 100),
      tenancy.platforms.list(),
    ]);
    res.render('tenancy/admin/store-new', { title: 'New store', merchants: merchants.items, platforms });
  };
  router.get('/stores/new', newStorePage);
  const created = async (req: Request) => {
    const store = await tenancy.stores.create(actorOf(req), validate.storeCreate(newStoreInput(req.body)));
    return { to: pageUrl(req, `/stores/${store.code}`), message: `Store ${store.name} created` };
  };
  const newStoreForm = { form: 'store', page: newStorePage };
  router.post(
    '/stores',
    formAction(ui, (req) => pageUrl(req, '/stores/new'), created, newStoreForm),
  );
  const storePage = async (req: Request, res: Response) => {
    const store = await tenancy.stores.get(String(req.params.code));
    const [domains, merchants, members] = await Promise.all([
      tenancy.stores.domains(store.code),
      tenancy.merchants.list(undefined, 1, 100),
      tenancy.team.list(store),
    ]);
    res.render('tenancy/admin/store', {
      title: store.name,
      store,
      domains,
      members,
      suspended: store.status === 'suspended',
      merchants: merchants.items.map((m) => ({ ...m, selected: m.id === store.merchantId })),
    });
  };
  router.get('/stores/:code', storePage);
  const saved = async (req: Request) => {
    const store = await tenancy.stores.update(
      actorOf(req),
      String(req.params.code),
      validate.storeUpdate(formInput(req.body)),
    );
    return { to: storeUrl(req), message: `Store ${store.name} saved` };
  };
  router.post('/stores/:code', formAction(ui, storeUrl, saved, { form: 'store', page: storePage }));
  router.post(
    '/stores/:code/suspend',
    formAction(ui, storeUrl, async (req) => {
      const store = await tenancy.stores.setStatus(actorOf(req), String(req.params.code), 'suspended');
      return { to: storeUrl(req), message: `Store ${store.name} suspended: its storefront and dashboard answer 404` };
    }),
  );
  router.post(
    '/stores/:code/activate',
    formAction(ui, storeUrl, async (req) => {
      const store = await tenancy.stores.setStatus(actorOf(req), String(req.params.code), 'active');
      return { to: storeUrl(req), message: `Store ${store.name} is active again` };
    }),
  );
  const domainAdded = async (req: Request) => {
    const added = await tenancy.stores.addDomain(
      actorOf(req),
      String(req.params.code),
      validate.domain(formInput(req.body)).domain,
    );
    return { to: storeUrl(req), message: `${added.domain} added` };
  };
  router.post('/stores/:code/domains', formAction(ui, storeUrl, domainAdded, { form: 'domain', page: storePage }));
  router.post(
    '/stores/:code/domains/:domain/delete',
    formAction(ui, storeUrl, async (req) => {
      await tenancy.stores.removeDomain(actorOf(req), String(req.params.code), String(req.params.domain));
      return { to: storeUrl(req), message: `${req.params.domain} removed` };
    }),
  );
  return router;
}
