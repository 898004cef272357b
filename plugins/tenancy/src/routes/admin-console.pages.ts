import { permit, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { CoreUi } from '@wizamart/plugin-core';
import type { Request, Response, Router } from 'express';
import { actorOf } from '../http/request-info.js';
import type { Tenancy } from '../tenancy.js';
import { formAction, pager, pageUrl } from './page-actions.js';
import { formInput, paging, validate } from './validators.js';

/** Admin console pages for platforms, merchants and platform admins (`/admin/tenancy/…`). */
export function adminConsolePages(routes: PluginRoutes, tenancy: Tenancy, ui: () => CoreUi | undefined): Router {
  const router = routes.router();
  router.use(permit());
  const to = (path: string) => (req: Parameters<typeof pageUrl>[0]) => pageUrl(req, path);

  const platformsPage = async (_req: Request, res: Response) => {
    res.render('tenancy/admin/platforms', { title: 'Platforms', platforms: await tenancy.platforms.list() });
  };
  router.get('/platforms', platformsPage);
  const platformCreated = async (req: Request) => {
    const input = validate.platformCreate(formInput(req.body));
    const platform = await tenancy.platforms.create(actorOf(req), input);
    return { to: pageUrl(req, '/platforms'), message: `Platform ${platform.name} created` };
  };
  const platformForm = { form: 'platform', page: platformsPage };
  router.post('/platforms', formAction(ui, to('/platforms'), platformCreated, platformForm));
  router.post(
    '/platforms/:code',
    formAction(ui, to('/platforms'), async (req) => {
      const { domain, ...rest } = formInput(req.body) as { domain?: string; name?: string };
      const platform = await tenancy.platforms.update(
        actorOf(req),
        String(req.params.code),
        validate.platformUpdate({ ...rest, domain: domain ?? null }),
      );
      return { to: pageUrl(req, '/platforms'), message: `Platform ${platform.name} saved` };
    }),
  );

  const merchantsPage = async (req: Request, res: Response) => {
    const { q, page, pageSize } = paging(req.query);
    const result = await tenancy.merchants.list(q, page, pageSize);
    res.render('tenancy/admin/merchants', {
      title: 'Merchants',
      q,
      merchants: result.items,
      pager: pager(req, result, { q }),
    });
  };
  router.get('/merchants', merchantsPage);
  const merchantCreated = async (req: Request) => {
    const merchant = await tenancy.merchants.create(actorOf(req), validate.merchantCreate(formInput(req.body)));
    return { to: pageUrl(req, `/merchants/${merchant.id}`), message: `Merchant ${merchant.name} created` };
  };
  const merchantForm = { form: 'merchant', page: merchantsPage };
  router.post('/merchants', formAction(ui, to('/merchants'), merchantCreated, merchantForm));
  router.get('/merchants/:id', async (req, res) => {
    const merchant = await tenancy.merchants.get(validate.id(req.params.id));
    const stores = await tenancy.repos.stores.list({ merchantId: merchant.id });
    res.render('tenancy/admin/merchant', { title: merchant.name, merchant, stores });
  });
  router.post(
    '/merchants/:id',
    formAction(
      ui,
      (req) => pageUrl(req, `/merchants/${req.params.id}`),
      async (req) => {
        const { email, ...rest } = formInput(req.body) as { email?: string; name?: string };
        const merchant = await tenancy.merchants.update(
          actorOf(req),
          validate.id(req.params.id),
          validate.merchantUpdate({ ...rest, email: email ?? null }),
        );
        return { to: pageUrl(req, `/merchants/${merchant.id}`), message: `Merchant ${merchant.name} saved` };
      },
    ),
  );
  router.post(
    '/merchants/:id/delete',
    formAction(
      ui,
      (req) => pageUrl(req, `/merchants/${req.params.id}`),
      async (req) => {
        await tenancy.merchants.remove(actorOf(req), validate.id(req.params.id));
        return { to: pageUrl(req, '/merchants'), message: 'Merchant deleted' };
      },
    ),
  );

  router.get('/admins', async (req, res) => {
    const { q, page, pageSize } = paging(req.query);
    const result = await tenancy.users.admins(q, page, pageSize);
    res.render('tenancy/admin/admins', {
      title: 'Platform admins',
      q,
      admins: result.items,
      pager: pager(req, result, { q }),
      me: req.wz.principal?.id,
    });
  });
  router.post(
    '/admins',
    formAction(ui, to('/admins'), async (req) => {
      const admin = await tenancy.users.addAdmin(actorOf(req), validate.adminCreate(formInput(req.body)));
      return { to: pageUrl(req, '/admins'), message: `${admin.email} is now a platform admin` };
    }),
  );
  router.post(
    '/admins/:id/delete',
    formAction(ui, to('/admins'), async (req) => {
      await tenancy.users.removeAdmin(actorOf(req), validate.id(req.params.id));
      return { to: pageUrl(req, '/admins'), message: 'Platform admin removed' };
    }),
  );

  router.get('/audit', async (req, res) => {
    const { page, pageSize, action } = paging(req.query);
    const result = await tenancy.audit.list({ action }, page, pageSize);
    res.render('tenancy/admin/audit', {
      title: 'Audit log',
      entries: result.items,
      action,
      pager: pager(req, result, { action }),
    });
  });
  return router;
}
