import { createValidator, isWizamartError, publicAccess, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { AuthService, StaffSignIn } from '@wizamart/plugin-tenancy';
import type { Request, Response, Router } from 'express';
import { safeNext } from './next-url.js';

/** `{ email, password }` of the sign-in form. */
const parseLogin = createValidator<{ email: string; password: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password'],
  properties: { email: { type: 'string', minLength: 1, maxLength: 254 }, password: { type: 'string', minLength: 1, maxLength: 200 } },
});

const SURFACE_BASE = (req: Request) => req.wz.tenant.base ?? (req.wz.tenant.surface === 'admin' ? '/admin' : `/store/${req.wz.tenant.store}`);

function renderForm(req: Request, res: Response, auth: AuthService, extra: { status?: number; error?: string; email?: string } = {}): void {
  const surface = req.wz.tenant.surface === 'admin' ? 'admin' : 'store';
  const base = SURFACE_BASE(req);
  res.status(extra.status ?? 200).render(`auth/${surface}-login`, {
    title: 'Sign in',
    action: `${base}/auth/login`,
    csrf: auth.loginFormToken(req, res),
    next: typeof req.query.next === 'string' ? req.query.next : (req.body as { next?: string } | undefined)?.next ?? '',
    email: extra.email ?? '',
    error: extra.error,
    store: req.wz.tenant.store,
  });
}

/**
 * Sign-in pages of the admin console and store dashboards: `GET/POST <base>/auth/login` (a form posting to
 * itself, protected by a sign-in form token) and `POST <base>/auth/logout` (CSRF-checked by tenancy's auth stage).
 */
export function authPages(routes: PluginRoutes, signIn: StaffSignIn, auth: AuthService): Router {
  const router = routes.router();
  router.use(publicAccess());
  router.get('/login', (req, res) => {
    if (req.wz.principal) return res.redirect(303, safeNext(req.query.next, SURFACE_BASE(req)));
    renderForm(req, res, auth);
  });
  router.post('/login', async (req, res) => {
    auth.checkLoginFormToken(req);
    const body = req.body as Record<string, unknown>;
    const email = typeof body.email === 'string' ? body.email : '';
    try {
      const issued = await signIn.login(req, parseLogin({ email, password: body.password }));
      auth.startSession(res, req, issued);
      res.redirect(303, safeNext(body.next, SURFACE_BASE(req)));
    } catch (error) {
      if (!isWizamartError(error) || error.status >= 500) throw error;
      renderForm(req, res, auth, { status: error.status, error: error.message, email });
    }
  });
  router.post('/logout', async (req, res) => {
    await auth.revoke(req);
    auth.endSession(res, req);
    res.redirect(303, `${SURFACE_BASE(req)}/auth/login`);
  });
  return router;
}
