import type { Request } from 'express';
import {
  ANONYMOUS,
  createActor,
  linkBaseOf,
  type Actor,
  type Principal,
  type RequestContext,
} from '@wizamart/plugin-sdk';

/** The request context of one request; `clientIp` is read from the request only when asked for. */
class HostRequestContext implements RequestContext {
  readonly requestId: string;
  readonly platform: string;
  readonly surface: RequestContext['surface'];
  readonly store: RequestContext['store'];
  readonly actor: Actor;
  readonly language: RequestContext['language'];
  readonly linkBase: string;
  readonly #req: Request;

  constructor(req: Request) {
    const state = req.wz;
    const tenant = state.tenant;
    this.#req = req;
    this.requestId = state.id;
    this.platform = tenant.platform;
    this.surface = tenant.surface;
    this.store = state.store;
    this.actor = actorOf(state.principal);
    this.language = state.language ?? 'en';
    this.linkBase = tenant.base ?? linkBaseOf(tenant.surface, state.store);
    Object.freeze(this);
  }

  get clientIp(): string | undefined {
    return this.#req.ip;
  }
}

/** The actor of a principal (anonymous without one). */
export function actorOf(principal: Principal | undefined): Actor {
  if (!principal) return ANONYMOUS;
  const { kind, id, name, email, role, permissions } = principal;
  return createActor({ kind, id, name, email, role, permissions });
}

/**
 * Builds the request's context from what the pipeline stages wrote (`req.wz`): once per request, right before the
 * plugin router runs; a second call returns the first context. `onBuilt` counts the builds (a metric).
 */
export function buildRequestContext(req: Request, onBuilt?: () => void): RequestContext {
  if (req.wz.context) return req.wz.context;
  const context = new HostRequestContext(req);
  req.wz.context = context;
  onBuilt?.();
  return context;
}
