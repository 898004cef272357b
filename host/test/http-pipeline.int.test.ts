import { expect } from 'chai';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import { runtimeFixture } from './runtime-helpers.js';

// The host runs its pipeline in place of express's app router (host/src/runtime/http/app.ts): what express's router
// and final handler did must still happen.
describe('host request pipeline', () => {
  let test: TestHost;
  before(async () => {
    test = await startTestHost({ plugins: [runtimeFixture('pipeline-edges')] });
  });
  after(async () => test?.stop());

  it('gives plugin handlers the request as express would: url parts, params, query, locals, request id', async () => {
    const res = await request(test.app)
      .get('/api/v1/storefront/shop-1/pipeline-edges/echo?q=1')
      .set('x-request-id', 'probe-42')
      .expect(200);
    expect(res.headers['x-request-id']).to.equal('probe-42');
    expect(res.body).to.deep.equal({
      id: 'probe-42',
      originalUrl: '/api/v1/storefront/shop-1/pipeline-edges/echo?q=1',
      baseUrl: '/api/v1/storefront/shop-1/pipeline-edges',
      path: '/echo',
      query: { q: '1' },
      params: { store: 'shop-1' },
      locals: 'object',
      ip: 'string',
    });
  });

  it('replaces an unusable incoming request id with a fresh UUID', async () => {
    const res = await request(test.app)
      .get('/api/v1/storefront/shop-1/pipeline-edges/echo')
      .set('x-request-id', 'no spaces allowed')
      .expect(200);
    expect(res.body.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(res.headers['x-request-id']).to.equal(res.body.id);
  });

  it('answers 404, not 500, for a store code with malformed %-encoding (the URL map never throws)', async () => {
    const res = await request(test.app).get('/api/v1/storefront/%E0%A4%A/pipeline-edges/echo').expect(404);
    expect(res.body.error.code).to.equal('WZ_NOT_FOUND');
  });

  it('answers 404 WZ_NOT_FOUND when a plugin router leaves with next("router")', async () => {
    const res = await request(test.app).get('/api/v1/storefront/shop-1/pipeline-edges/leave').expect(404);
    expect(res.body.error.code).to.equal('WZ_NOT_FOUND');
  });

  it('closes the connection when a route fails after its response started', async () => {
    const server = test.app.listen(0, '127.0.0.1');
    try {
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as { port: number };
      const outcome = await new Promise<string>((resolve) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, path: '/api/v1/storefront/shop-1/pipeline-edges/half-sent' },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (body += chunk));
            res.on('error', () => resolve(`aborted after "${body}"`));
            res.on('aborted', () => resolve(`aborted after "${body}"`));
            res.on('end', () => resolve(`ended with "${body}"`));
          },
        );
        req.on('error', (error) => resolve(`request error ${error.message}`));
        req.end();
      });
      // Destroyed before or after the buffered head reached the client: either way the response never ends normally.
      expect(outcome).to.match(/^(request error socket hang up|aborted after "partial")$/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
