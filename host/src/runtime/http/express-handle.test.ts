import { expect } from 'chai';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import express, { type Express, type RequestHandler } from 'express';
import { installPipeline } from './express-handle.js';

/** The members of an express app the host uses but express's types leave out. */
const internals = (app: unknown) => app as { handle: unknown; request: object; response: object };

const HTTP_REQUEST_KEYS = new Set(Object.keys(new IncomingMessage(null as never)));
const HTTP_RESPONSE_KEYS = new Set(Object.keys(new ServerResponse(new IncomingMessage(null as never))));

/** What express (or the host in its place) put on the request before the first middleware, and how it reads it. */
const probe: RequestHandler = (req, res) => {
  const own = (object: object, http: Set<string>) =>
    Object.keys(object)
      .filter((key) => !http.has(key) && key !== 'id' && !key.startsWith('wz'))
      .sort();
  const requestKeys = own(req, HTTP_REQUEST_KEYS);
  const responseKeys = own(res, HTTP_RESPONSE_KEYS);
  res.json({
    requestKeys,
    responseKeys,
    baseUrl: req.baseUrl,
    originalUrl: req.originalUrl,
    params: req.params,
    path: req.path,
    query: req.query,
    parsedRaw: (req as unknown as { _parsedUrl?: { _raw?: string } })._parsedUrl?._raw,
    linked: req.res === res && res.req === req,
    prototypes:
      Object.getPrototypeOf(req) === internals(req.app).request &&
      Object.getPrototypeOf(res) === internals(req.app).response,
  });
};

async function get(app: Express, path: string): Promise<Record<string, unknown>> {
  const server = createServer(app).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
    return (await res.json()) as Record<string, unknown>;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

// The host's app.handle override (express-handle.ts) seeds what express's app.handle and router would; these tests
// pin the express internals it relies on, so an express upgrade that changes them fails here first.
describe('express internals the host pipeline relies on', () => {
  it('runs on express 5, whose app has handle(), request and response prototypes', () => {
    const version = (createRequire(import.meta.url)('express/package.json') as { version: string }).version;
    expect(version).to.match(/^5\./);
    const app = express();
    expect(internals(app).handle).to.be.a('function');
    expect(Object.getPrototypeOf(internals(app).request)).to.equal(express.request);
    expect(Object.getPrototypeOf(internals(app).response)).to.equal(express.response);
  });

  it('gives the first middleware the request express itself would', async () => {
    const bare = express();
    bare.use(probe);
    const host = express();
    installPipeline(host, probe, (error, _req, _res, next) => next(error));
    const expected = await get(bare, '/api/v1/x/y?q=1');
    const actual = await get(host, '/api/v1/x/y?q=1');
    // express 5 sets: res, next, baseUrl, originalUrl, _parsedUrl (parseurl's cache, keyed by url), params.
    expect(expected.requestKeys).to.include.members(['_parsedUrl', 'baseUrl', 'next', 'originalUrl', 'params', 'res']);
    expect(actual.requestKeys).to.include.members(expected.requestKeys as string[]);
    expect(actual.responseKeys).to.include.members(expected.responseKeys as string[]);
    for (const key of ['baseUrl', 'originalUrl', 'params', 'path', 'query', 'parsedRaw', 'linked', 'prototypes']) {
      expect(actual[key], key).to.deep.equal(expected[key]);
    }
  });
});
