import { contextOf, permit, type PluginRoutes, type RequestContext } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import { orderNotFound } from '../errors.js';
import type { Order } from '../index.js';
import { ACTION_TARGETS, actionsFor, type OrderAction } from '../services/status-machine.js';
import type { OrdersDeps } from './deps.js';
import { parseAction, parseId, parseList, parseRate, parseRatePatch, parseTax } from './validators.js';
import { ORDERS_PERMISSIONS } from '../index.js';

/**
 * The order as the store API returns it: with the actions its status allows, its payment's current state, and who
 * made each history step in words (`history[].by`, next to the recorded `actor`).
 */
export async function storeOrderView(deps: OrdersDeps, ctx: RequestContext, order: Order) {
  const payment = order.paymentId ? await deps.payments.get(ctx, order.paymentId).catch(() => undefined) : undefined;
  const summary = payment && {
    id: payment.id,
    provider: payment.provider,
    status: payment.status,
    amount: payment.amount,
    currency: payment.currency,
    capturedAmount: payment.capturedAmount,
    refundedAmount: payment.refundedAmount,
  };
  const history = await deps.actors.forStore(ctx, order);
  return { ...order, history, actions: actionsFor(order.status), payment: summary ?? null };
}

/** `/api/v1/store/<store>/orders/…`: the order list and detail, the status actions, and the settings. */
export function storeApiRoutes(routes: PluginRoutes, deps: OrdersDeps): Router {
  const router = routes.router();
  router.get('/', permit(ORDERS_PERMISSIONS.view), async (req, res) => {
    const filter = parseList(req.query);
    const page = await deps.orders.list(contextOf(req), filter);
    res.json({ ...page, page: filter.page, pageSize: filter.pageSize });
  });
  router.get('/settings', permit(ORDERS_PERMISSIONS.settingsManage), async (req, res) => {
    res.json(await deps.settings.view(contextOf(req)));
  });
  router.put('/settings/tax', permit(ORDERS_PERMISSIONS.settingsManage), async (req, res) => {
    res.json(await deps.settings.saveTax(contextOf(req), parseTax(req.body)));
  });
  router.post('/settings/shipping-rates', permit(ORDERS_PERMISSIONS.settingsManage), async (req, res) => {
    res.status(201).json(await deps.settings.createRate(contextOf(req), parseRate(req.body)));
  });
  router.patch('/settings/shipping-rates/:id', permit(ORDERS_PERMISSIONS.settingsManage), async (req, res) => {
    const id = parseId(req.params);
    res.json(await deps.settings.updateRate(contextOf(req), id, parseRatePatch(req.body)));
  });
  router.delete('/settings/shipping-rates/:id', permit(ORDERS_PERMISSIONS.settingsManage), async (req, res) => {
    await deps.settings.deleteRate(contextOf(req), parseId(req.params));
    res.status(204).end();
  });
  router.get('/:id', permit(ORDERS_PERMISSIONS.view), async (req, res) => {
    const ctx = contextOf(req);
    const order = await deps.orders.get(ctx, String(req.params.id));
    if (!order) throw orderNotFound();
    res.json(await storeOrderView(deps, ctx, order));
  });
  for (const action of Object.keys(ACTION_TARGETS) as OrderAction[]) {
    router.post(`/:id/${action}`, permit(ORDERS_PERMISSIONS.manage), async (req, res) => {
      const id = String(req.params.id);
      const input = parseAction(req.body, action === 'fulfil');
      const ctx = contextOf(req);
      res.json(await storeOrderView(deps, ctx, await deps.actions.run(ctx, id, action, input)));
    });
  }
  return router;
}
