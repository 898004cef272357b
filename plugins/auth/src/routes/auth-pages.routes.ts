import { contextOf, isWizamartError, publicAccess, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Request, Response, Router } from 'express';
import type { AuthService, StaffSignIn } from '../index.js';
import { jarOf } from '../http/cookies.js';
import { safeNext } from '../next-url.js';
import { parseLogin } from './login.schema.js';

const SURFACE_BASE = (req: Request) => contextOf(req).linkBase;

interface FormState {
  status?: number;
  error?: string;
  email?: string;
}

function renderForm(req: Request, res: Response, auth: AuthService, extra: FormState = {}): void {
  const ctx = contextOf(req);
  const surface = ctx.surface === 'admin' ? 'admin' : 'store';
  const posted = (req.body as { next?: string } | undefined)?.next;
  res.status(extra.status ?? 200).render(`auth/${surface}-login`, {
    title: 'Sign in',
    action: `${ctx.linkBase}/auth/login`,
    csrf: auth.loginFormToken(jarOf(req, res)),
    next: typeof req.query.next === 'string' ? req.query.next : (posted ?? ''),
    email: extra.email ?? '',
    error: extra.error,
    store: ctx.store?.code,
  });
}

/**
 * Sign-in pages of the admin console and store dashboards: `GET/POST <base>/auth/login` (a form posting to
 * itself, protected by a sign-in form token) and `POST <base>/auth/logout` (CSRF-checked by the `auth` stage).
 */
export function authPages(routes: PluginRoutes, signIn: StaffSignIn, auth: AuthService): Router {
  const router = routes.router();
  router.use(publicAccess());
  router.get('/login', (req, res) => {
    if (req.wz.principal) return res.redirect(303, safeNext(req.query.next, SURFACE_BASE(req)));
    renderForm(req, res, auth);
  });
  router.post('/login', async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const cookies = jarOf(req, res);
    auth.checkLoginFormToken(cookies, body._csrf);
    const email = typeof body.email === 'string' ? body.email : '';
    try {
      const ctx = contextOf(req);
      const issued = await signIn.login(ctx, parseLogin({ email, password: body.password }));
      auth.startSession(ctx, cookies, issued);
      res.redirect(303, safeNext(body.next, SURFACE_BASE(req)));
    } catch (error) {
      if (!isWizamartError(error) || error.status >= 500) throw error;
      renderForm(req, res, auth, { status: error.status, error: error.message, email });
    }
  });
  router.post('/logout', async (req, res) => {
    const ctx = contextOf(req);
    const cookies = jarOf(req, res);
    await auth.revoke(ctx, cookies);
    await auth.endSession(ctx, cookies);
    res.redirect(303, `${SURFACE_BASE(req)}/auth/login`);
  });
  return router;
}
