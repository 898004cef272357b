import { hostErrors, publicAccess, type PluginRoutes } from '@wizamart/plugin-sdk';
import type { Request, Router } from 'express';
import { rawBodyUnavailable } from '../errors.js';
import { PAYMENTS_SIGNATURE_HEADER } from '../index.js';
import type { WebhooksService } from '../services/webhooks.service.js';

const LIMIT = 1024 * 1024;

/**
 * The exact bytes of the request body, which the signature covers. In order: the bytes the host kept for a JSON body
 * on a shared API (`req.wz.rawBody`), else the unread stream (the host's JSON parser skips bodies that are not
 * `application/json`, e.g. `application/octet-stream`). A body already parsed without its bytes is refused with
 * 415 `WZ_PAYMENTS_RAW_BODY_UNAVAILABLE`: re-serialising parsed JSON would not give the signed bytes back.
 */
export async function rawBodyOf(req: Request): Promise<Buffer> {
  const kept = req.wz.rawBody;
  if (Buffer.isBuffer(kept)) return kept;
  if (req.readableEnded || req.body !== undefined) throw rawBodyUnavailable();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > LIMIT) {
      throw hostErrors.WZ_PAYLOAD_TOO_LARGE();
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** `/api/v1/shared/payments/webhooks/<provider>`: open to anyone, trusted only after the signature check. */
export function webhookRoutes(routes: PluginRoutes, webhooks: WebhooksService): Router {
  const router = routes.router();
  router.post('/webhooks/:provider', publicAccess(), async (req, res) => {
    const raw = await rawBodyOf(req);
    res.json(await webhooks.deliver(String(req.params.provider), raw, req.get(PAYMENTS_SIGNATURE_HEADER)));
  });
  return router;
}
