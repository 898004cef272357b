import type { Request, Response } from 'express';

export { readCookie } from '@wizamart/plugin-sdk';

/** Options of a cookie core sets: always `Path=/`, `HttpOnly` and `SameSite=Lax`. */
export interface CookieOptions {
  maxAgeSeconds: number;
  secure: boolean;
}

/** A `Set-Cookie` value; `value` must already be cookie-safe (base64url or similar). */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${value}`, 'Path=/', `Max-Age=${options.maxAgeSeconds}`, 'HttpOnly', 'SameSite=Lax'];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/**
 * Sets cookie `name` on the response, replacing any `Set-Cookie` for the same name this response already carries
 * (so several calls leave one cookie rather than letting the browser pick one).
 */
export function replaceCookie(res: Response, name: string, value: string, maxAgeSeconds: number): void {
  if (res.headersSent) return;
  const req = res.req as Request | undefined;
  const existing = res.getHeader('set-cookie');
  const others = (Array.isArray(existing) ? existing : existing === undefined ? [] : [String(existing)]).filter(
    (line) => !line.startsWith(`${name}=`),
  );
  res.setHeader('set-cookie', [
    ...others,
    serializeCookie(name, value, { maxAgeSeconds, secure: Boolean(req?.secure) }),
  ]);
}
