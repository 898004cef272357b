import { contextOf, permit, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import type { PaymentsDeps } from './deps.js';
import { parseEmpty, parseList, parseRefund, parseSettings } from './validators.js';
import { PAYMENTS_PERMISSIONS } from '../index.js';

/** `/api/v1/store/<store>/payments/…`: the store's payments, the store-side actions and the settings. */
export function storeApiRoutes(routes: PluginRoutes, deps: PaymentsDeps): Router {
  const router = routes.router();
  router.get('/payments', permit(PAYMENTS_PERMISSIONS.view), async (req, res) => {
    const filter = parseList(req.query);
    const page = await deps.payments.list(contextOf(req), filter);
    res.json({ ...page, page: filter.page, pageSize: filter.pageSize });
  });
  router.get('/payments/:id', permit(PAYMENTS_PERMISSIONS.view), async (req, res) => {
    res.json(await deps.payments.get(contextOf(req), String(req.params.id)));
  });
  router.post('/payments/:id/mark-paid', permit(PAYMENTS_PERMISSIONS.manage), async (req, res) => {
    parseEmpty(req.body);
    res.json(await deps.payments.markPaid(contextOf(req), String(req.params.id)));
  });
  router.post('/payments/:id/capture', permit(PAYMENTS_PERMISSIONS.manage), async (req, res) => {
    parseEmpty(req.body);
    res.json(await deps.payments.capture(contextOf(req), String(req.params.id)));
  });
  router.post('/payments/:id/refund', permit(PAYMENTS_PERMISSIONS.manage), async (req, res) => {
    const body = parseRefund(req.body ?? {});
    res.json(await deps.payments.refund(contextOf(req), String(req.params.id), { amount: body.amount }));
  });
  router.post('/payments/:id/cancel', permit(PAYMENTS_PERMISSIONS.manage), async (req, res) => {
    parseEmpty(req.body);
    res.json(await deps.payments.cancel(contextOf(req), String(req.params.id)));
  });
  router.get('/settings', permit(PAYMENTS_PERMISSIONS.settingsManage), async (req, res) => {
    res.json(await deps.settings.view(contextOf(req)));
  });
  router.put('/settings', permit(PAYMENTS_PERMISSIONS.settingsManage), async (req, res) => {
    const body = parseSettings(req.body);
    res.json(await deps.settings.setProviders(contextOf(req), body.providers));
  });
  router.post('/settings/webhook-secret', permit(PAYMENTS_PERMISSIONS.settingsManage), async (req, res) => {
    parseEmpty(req.body);
    res.status(201).json(await deps.settings.rotateSecret(contextOf(req)));
  });
  return router;
}
