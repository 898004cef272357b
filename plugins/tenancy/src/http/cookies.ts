import type { Request } from 'express';
import { readCookie as readCookieHeader } from '@wizamart/plugin-sdk';

/** The first value of cookie `name` in the request (browsers send the most specific path first). */
export function readCookie(req: Request, name: string): string | undefined {
  return readCookieHeader(req.headers.cookie, name);
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}
