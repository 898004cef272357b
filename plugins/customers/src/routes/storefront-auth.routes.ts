import { contextOf, permit, publicAccess, type PluginRoutes } from '@wizamart/plugin-sdk';
import { cookieJar } from '@wizamart/plugin-auth';
import type { Request, Response, Router } from 'express';
import { credentialsFromForm } from '../validators.js';
import { renderFormProblem, type CustomersDeps } from './deps.js';
import { CUSTOMER_PERMISSIONS } from '../index.js';

const LOGIN = 'customers/storefront/login';
const REGISTER = 'customers/storefront/register';

function accountUrl(deps: CustomersDeps, req: Request): string {
  return `${deps.ui.base(req, 'storefront')}/customers/account`;
}

/** Where to go after signing in: a `next` path on this storefront, else the account page (no open redirects). */
function nextUrl(deps: CustomersDeps, req: Request, next: unknown): string {
  const base = deps.ui.base(req, 'storefront');
  const ok =
    typeof next === 'string' &&
    next.startsWith(`${base}/`) &&
    !next.startsWith('//') &&
    !/[\\\u0000-\u001f]/.test(next);
  return ok ? next : accountUrl(deps, req);
}

function formLocals(deps: CustomersDeps, req: Request, res: Response, values: Record<string, unknown>) {
  return {
    values: { ...values, password: undefined },
    next: values.next,
    csrf: deps.auth.loginFormToken(cookieJar(req, res)),
    base: deps.ui.base(req, 'storefront'),
  };
}

async function login(deps: CustomersDeps, req: Request, res: Response): Promise<void> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  try {
    deps.auth.checkLoginFormToken(cookieJar(req, res), body._csrf);
    const token = await deps.accounts.login(contextOf(req), credentialsFromForm(body, ['email', 'password']));
    deps.auth.startSession(contextOf(req), cookieJar(req, res), token);
  } catch (error) {
    const locals = formLocals(deps, req, res, { email: body.email, next: body.next });
    return renderFormProblem(deps, req, res, { view: LOGIN, locals }, error);
  }
  res.redirect(303, nextUrl(deps, req, body.next));
}

async function register(deps: CustomersDeps, req: Request, res: Response): Promise<void> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  try {
    deps.auth.checkLoginFormToken(cookieJar(req, res), body._csrf);
    const fields = credentialsFromForm(body, ['email', 'password', 'name']);
    const registration = await deps.accounts.register(contextOf(req), fields);
    deps.auth.startSession(contextOf(req), cookieJar(req, res), registration);
  } catch (error) {
    const locals = formLocals(deps, req, res, { email: body.email, name: body.name });
    return renderFormProblem(deps, req, res, { view: REGISTER, locals }, error);
  }
  deps.ui.redirectWithFlash(res, accountUrl(deps, req), {
    type: 'success',
    message: deps.ui.t(req, 'customers.flash.welcome'),
  });
}

/** `/storefront/<store>/customers/login|register|logout`: the shopper's sign-in pages. */
export function storefrontAuthRoutes(routes: PluginRoutes, deps: CustomersDeps): Router {
  const router = routes.router();
  router.get('/login', publicAccess(), (req, res) => {
    if (req.wz.principal?.kind === 'customer') return res.redirect(nextUrl(deps, req, req.query.next));
    res.render(
      LOGIN,
      formLocals(deps, req, res, { next: typeof req.query.next === 'string' ? req.query.next : undefined }),
    );
  });
  router.post('/login', publicAccess(), (req, res) => login(deps, req, res));
  router.get('/register', publicAccess(), (req, res) => {
    if (req.wz.principal?.kind === 'customer') return res.redirect(accountUrl(deps, req));
    res.render(REGISTER, formLocals(deps, req, res, {}));
  });
  router.post('/register', publicAccess(), (req, res) => register(deps, req, res));
  router.post('/logout', permit(CUSTOMER_PERMISSIONS.account), async (req, res) => {
    await deps.auth.endSession(contextOf(req), cookieJar(req, res));
    deps.ui.redirectWithFlash(res, deps.ui.base(req, 'storefront') || '/', {
      type: 'info',
      message: deps.ui.t(req, 'customers.flash.signedOut'),
    });
  });
  return router;
}
