import { contextOf, permit, type PluginRoutes, requireStore } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import { actorOf, type PaymentsDeps } from './deps.js';
import { parseEmpty, parseList, parseRefund, parseSettings } from './validators.js';
import { PAYMENTS_PERMISSIONS } from '../index.js';

/** `/api/v1/store/<store>/payments/…`: the store's payments, the store-side actions and the settings. */
export function storeApiRoutes(routes: PluginRoutes, deps: PaymentsDeps): Router {
  const router = routes.router();
  router.get('/payments', permit(PAYMENTS_PERMISSIONS.view), async (req, res) => {
    const filter = parseList(req.query);
    const page = await deps.payments.list(requireStore(contextOf(req)), filter);
    res.json({ ...page, page: filter.page, pageSize: filter.pageSize });
  });
  router.get('/payments/:id', permit(PAYMENTS_PERMISSIONS.view), async (req, res) => {
    res.json(await deps.payments.get(requireStore(contextOf(req)), String(req.params.id)));
  });
  router.post('/payments/:id/mark-paid', permit(PAYMENTS_PERMISSIONS.manage), async (req, res) => {
    parseEmpty(req.body);
    res.json(await deps.payments.markPaid(requireStore(contextOf(req)), String(req.params.id), actorOf(req)));
  });
  router.post('/payments/:id/capture', permit(PAYMENTS_PERMISSIONS.manage), async (req, res) => {
    parseEmpty(req.body);
    res.json(await deps.payments.capture(requireStore(contextOf(req)), String(req.params.id), actorOf(req)));
  });
  router.post('/payments/:id/refund', permit(PAYMENTS_PERMISSIONS.manage), async (req, res) => {
    const body = parseRefund(req.body ?? {});
    res.json(await deps.payments.refund(requireStore(contextOf(req)), String(req.params.id), body.amount, actorOf(req)));
  });
  router.post('/payments/:id/cancel', permit(PAYMENTS_PERMISSIONS.manage), async (req, res) => {
    parseEmpty(req.body);
    res.json(await deps.payments.cancel(requireStore(contextOf(req)), String(req.params.id), actorOf(req)));
  });
  router.get('/settings', permit(PAYMENTS_PERMISSIONS.settingsManage), async (req, res) => {
    res.json(await deps.settings.view(requireStore(contextOf(req))));
  });
  router.put('/settings', permit(PAYMENTS_PERMISSIONS.settingsManage), async (req, res) => {
    const body = parseSettings(req.body);
    res.json(await deps.settings.setProviders(requireStore(contextOf(req)), body.providers));
  });
  router.post('/settings/webhook-secret', permit(PAYMENTS_PERMISSIONS.settingsManage), async (req, res) => {
    parseEmpty(req.body);
    res.status(201).json(await deps.settings.rotateSecret(requireStore(contextOf(req))));
  });
  return router;
}
