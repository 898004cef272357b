import {
  contextOf,
  minorDigits,
  parseMinor,
  permit,
  type PluginRoutes,
  type RequestContext,
  WizamartError,
} from '@wizamart/plugin-sdk';
import type { Request, Response, Router } from 'express';
import type { Payment, PaymentStatus } from '../index.js';
import type { PaymentsDeps } from './deps.js';
import { parseList, parseRefund, parseSettings } from './validators.js';
import { PAYMENTS_PERMISSIONS } from '../index.js';

const STATUSES: PaymentStatus[] = [
  'pending',
  'authorized',
  'captured',
  'partially_refunded',
  'refunded',
  'failed',
  'cancelled',
];
const paymentsUrl = (deps: PaymentsDeps, req: Request) => `${deps.ui.base(req, 'store')}/payments`;

/**
 * A refund form's amount (`12.50`, `12,50`; empty: everything left) in minor units; undefined when empty, NaN when
 * malformed.
 */
export function amountFromForm(value: unknown, currency: string): number | undefined {
  const text = String(value ?? '').trim();
  if (text === '') return undefined;
  return parseMinor(text, currency) ?? Number.NaN;
}

/** The actions the detail page offers for a payment in its state. */
function actionsFor(payment: Payment, offline: boolean) {
  const open = payment.status === 'pending' || payment.status === 'authorized';
  return {
    markPaid: offline && open,
    capture: !offline && payment.status === 'authorized',
    refund: payment.status === 'captured' || payment.status === 'partially_refunded',
    cancel: open,
    refundable: payment.capturedAmount - payment.refundedAmount,
  };
}

/** `/store/<store>/payments/…`: payment list, payment detail with history and actions, settings. */
export function storePageRoutes(
  routes: PluginRoutes,
  deps: PaymentsDeps,
  offline: (provider: string) => boolean,
): Router {
  const router = routes.router();

  /** Runs a store action and comes back to the payment with a flash saying how it went. */
  type Work = (ctx: RequestContext, id: string) => Promise<unknown>;
  const act = async (req: Request, res: Response, work: Work, done: string) => {
    const id = String(req.params.id);
    const back = `${paymentsUrl(deps, req)}/payments/${encodeURIComponent(id)}`;
    try {
      await work(contextOf(req), id);
    } catch (error) {
      if (!(error instanceof WizamartError) || error.status >= 500 || error.code === 'WZ_PAYMENTS_NOT_FOUND')
        throw error;
      return deps.ui.redirectWithFlash(res, back, { type: 'error', message: error.message });
    }
    deps.ui.redirectWithFlash(res, back, { type: 'success', message: deps.ui.t(req, done) });
  };

  router.get('/', permit(PAYMENTS_PERMISSIONS.view), async (req, res) => {
    const filter = parseList(req.query);
    const page = await deps.payments.list(contextOf(req), filter);
    const pages = Math.max(1, Math.ceil(page.total / filter.pageSize));
    const query = {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.provider ? { provider: filter.provider } : {}),
      ...(filter.orderRef ? { orderRef: filter.orderRef } : {}),
    };
    const link = (n: number) => `?${new URLSearchParams({ ...query, page: String(n) })}`;
    res.render('payments/store/payments', {
      title: deps.ui.t(req, 'payments.list.title'),
      ...page,
      filter,
      statuses: STATUSES,
      providers: deps.settings.providers(),
      page: filter.page,
      pages,
      previous: filter.page > 1 ? link(filter.page - 1) : undefined,
      next: filter.page < pages ? link(filter.page + 1) : undefined,
    });
  });

  router.get('/payments/:id', permit(PAYMENTS_PERMISSIONS.view), async (req, res) => {
    const payment = await deps.payments.get(contextOf(req), String(req.params.id));
    const actions = actionsFor(payment, offline(payment.provider));
    const digits = minorDigits(payment.currency);
    res.render('payments/store/payment', {
      title: deps.ui.t(req, 'payments.detail.title', { orderRef: payment.orderRef }),
      payment,
      actions,
      canManage: contextOf(req).actor.can(PAYMENTS_PERMISSIONS.manage),
      refundStep: digits === 0 ? '1' : `0.${'0'.repeat(digits - 1)}1`,
    });
  });
  router.post('/payments/:id/mark-paid', permit(PAYMENTS_PERMISSIONS.manage), (req, res) =>
    act(req, res, (ctx, id) => deps.payments.markPaid(ctx, id), 'payments.flash.markedPaid'),
  );
  router.post('/payments/:id/capture', permit(PAYMENTS_PERMISSIONS.manage), (req, res) =>
    act(req, res, (ctx, id) => deps.payments.capture(ctx, id), 'payments.flash.captured'),
  );
  router.post('/payments/:id/cancel', permit(PAYMENTS_PERMISSIONS.manage), (req, res) =>
    act(req, res, (ctx, id) => deps.payments.cancel(ctx, id), 'payments.flash.cancelled'),
  );
  router.post('/payments/:id/refund', permit(PAYMENTS_PERMISSIONS.manage), (req, res) =>
    act(
      req,
      res,
      async (ctx, id) => {
        const payment = await deps.payments.get(ctx, id);
        const amount = amountFromForm(req.body?.amount, payment.currency);
        const body = parseRefund(amount === undefined ? {} : { amount });
        return deps.payments.refund(ctx, id, { amount: body.amount });
      },
      'payments.flash.refunded',
    ),
  );

  const renderSettings = async (req: Request, res: Response, extra: Record<string, unknown> = {}) => {
    const settings = await deps.settings.view(contextOf(req));
    const available = settings.available.map((provider) => ({
      ...provider,
      offered: settings.providers.includes(provider.code),
    }));
    res.render('payments/store/settings', {
      title: deps.ui.t(req, 'payments.settings.title'),
      settings,
      available,
      ...extra,
    });
  };
  router.get('/settings', permit(PAYMENTS_PERMISSIONS.settingsManage), (req, res) => renderSettings(req, res));
  router.post('/settings', permit(PAYMENTS_PERMISSIONS.settingsManage), async (req, res) => {
    const chosen = req.body?.providers;
    const providers = chosen === undefined ? [] : Array.isArray(chosen) ? chosen.map(String) : [String(chosen)];
    const body = parseSettings({ providers });
    await deps.settings.setProviders(contextOf(req), body.providers);
    deps.ui.redirectWithFlash(res, `${paymentsUrl(deps, req)}/settings`, {
      type: 'success',
      message: deps.ui.t(req, 'payments.flash.settingsSaved'),
    });
  });
  // Rendered, not redirected: the new secret is shown in this response only, never stored in a cookie or shown again.
  router.post('/settings/webhook-secret', permit(PAYMENTS_PERMISSIONS.settingsManage), async (req, res) => {
    const rotated = await deps.settings.rotateSecret(contextOf(req));
    res.setHeader('cache-control', 'no-store');
    await renderSettings(req, res, { newSecret: rotated.webhookSecret });
  });
  return router;
}
