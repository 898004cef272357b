import { expect } from 'chai';
import express from 'express';
import { permit, publicAccess } from '@wizamart/plugin-sdk';
import { routeTable } from './route-table.js';

describe('routeTable', () => {
  it('lists every route with the access its guards declare, router-level guards included', () => {
    const router = express.Router();
    router.get('/open', publicAccess(), (_req, res) => void res.end());
    router.post('/bare', (_req, res) => void res.end());
    router.use(permit('orders.view'));
    router.get('/orders', (_req, res) => void res.end());
    router.put('/orders/:id', permit('orders.edit'), (_req, res) => void res.end());
    const nested = express.Router();
    nested.delete('/x', (_req, res) => void res.end());
    router.use('/nested', nested);
    const table = routeTable([{ plugin: 'orders', kind: 'api', surface: 'store', router }]);
    expect(table.map((entry) => [entry.method, entry.path, entry.access])).to.deep.equal([
      ['GET', '/open', { public: true, permissions: [] }],
      ['POST', '/bare', undefined],
      ['GET', '/orders', { public: false, permissions: ['orders.view'] }],
      ['PUT', '/orders/:id', { public: false, permissions: ['orders.view', 'orders.edit'] }],
      ['DELETE', '/nested/x', { public: false, permissions: ['orders.view'] }],
    ]);
  });
});
