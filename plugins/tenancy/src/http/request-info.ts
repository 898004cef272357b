import type { Request } from 'express';
import type { Actor } from '../model.js';

/** The request's principal as the actor of a service call (routes are guarded, so there is one). */
export function actorOf(req: Request): Actor {
  const principal = req.wz.principal;
  if (!principal) return { kind: 'system', id: null, email: null, permissions: new Set() };
  return {
    kind: principal.kind,
    id: principal.id,
    email: principal.email,
    permissions: principal.permissions,
    role: principal.role,
  };
}

/** `res.locals.wz`, created when core's theme stage has not (e.g. before it, or without core). */
export function pageLocals(res: { locals: Record<string, unknown> }): Record<string, unknown> {
  return (res.locals.wz ??= {}) as Record<string, unknown>;
}
