import { contextOf, permit, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Request, RequestHandler, Response, Router } from 'express';
import { addressFromForm, parseAddress, parseId, parseProfile, profileFromForm } from '../validators.js';
import { renderFormProblem, signedIn, type CustomersDeps } from './deps.js';
import { CUSTOMER_PERMISSIONS } from '../index.js';

const ACCOUNT = 'customers/storefront/account';

/** Shoppers who are not signed in are sent to the sign-in page (and back here afterwards) instead of a 401 page. */
function signInFirst(deps: CustomersDeps): RequestHandler {
  return (req, res, next) => {
    if (req.wz.principal) return next();
    const base = deps.ui.base(req, 'storefront');
    res.redirect(303, `${base}/customers/login?${new URLSearchParams({ next: `${base}/customers/account` })}`);
  };
}

async function accountLocals(deps: CustomersDeps, req: Request, extra: Record<string, unknown> = {}) {
  const customer = await deps.accounts.me(contextOf(req));
  const { store } = await signedIn(deps, req);
  return {
    customer,
    addresses: await deps.addresses.list(store, customer.id),
    profile: customer,
    address: {},
    ...extra,
  };
}

function accountUrl(deps: CustomersDeps, req: Request): string {
  return `${deps.ui.base(req, 'storefront')}/customers/account`;
}

async function saveProfile(deps: CustomersDeps, req: Request, res: Response): Promise<void> {
  const input = profileFromForm(req.body ?? {});
  try {
    const { store, customerId } = await signedIn(deps, req);
    await deps.customers.updateProfile(store, customerId, parseProfile(input));
  } catch (error) {
    const locals = await accountLocals(deps, req, { profile: input });
    return renderFormProblem(deps, req, res, { view: ACCOUNT, locals, errorsAs: 'profileErrors' }, error);
  }
  deps.ui.redirectWithFlash(res, accountUrl(deps, req), {
    type: 'success',
    message: deps.ui.t(req, 'customers.flash.profileSaved'),
  });
}

async function addAddress(deps: CustomersDeps, req: Request, res: Response): Promise<void> {
  const input = addressFromForm(req.body ?? {});
  try {
    const { store, customerId } = await signedIn(deps, req);
    await deps.addresses.create(store, customerId, parseAddress(input));
  } catch (error) {
    const locals = await accountLocals(deps, req, { address: input });
    return renderFormProblem(deps, req, res, { view: ACCOUNT, locals, errorsAs: 'addressErrors' }, error);
  }
  deps.ui.redirectWithFlash(res, accountUrl(deps, req), {
    type: 'success',
    message: deps.ui.t(req, 'customers.flash.addressAdded'),
  });
}

/** `/storefront/<store>/customers/account…`: the signed-in shopper's profile and addresses. */
export function storefrontAccountRoutes(routes: PluginRoutes, deps: CustomersDeps): Router {
  const router = routes.router();
  router.get('/account', signInFirst(deps), permit(CUSTOMER_PERMISSIONS.account), async (req, res) => {
    res.render(ACCOUNT, await accountLocals(deps, req));
  });
  router.post('/account/profile', permit(CUSTOMER_PERMISSIONS.account), (req, res) => saveProfile(deps, req, res));
  router.post('/account/addresses', permit(CUSTOMER_PERMISSIONS.account), (req, res) => addAddress(deps, req, res));
  router.post('/account/addresses/:id/default', permit(CUSTOMER_PERMISSIONS.account), async (req, res) => {
    const { store, customerId } = await signedIn(deps, req);
    await deps.addresses.update(store, customerId, parseId(req.params), { isDefault: true });
    deps.ui.redirectWithFlash(res, accountUrl(deps, req), {
      type: 'success',
      message: deps.ui.t(req, 'customers.flash.defaultSet'),
    });
  });
  router.post('/account/addresses/:id/delete', permit(CUSTOMER_PERMISSIONS.account), async (req, res) => {
    const { store, customerId } = await signedIn(deps, req);
    await deps.addresses.delete(store, customerId, parseId(req.params));
    deps.ui.redirectWithFlash(res, accountUrl(deps, req), {
      type: 'success',
      message: deps.ui.t(req, 'customers.flash.addressDeleted'),
    });
  });
  return router;
}
