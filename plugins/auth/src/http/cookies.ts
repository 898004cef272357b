import type { Request, Response } from 'express';
import { cookieJar, type CookieJar } from '../index.js';

/** The cookie jar of an express request/response pair (auth's routes and stage). */
export function jarOf(req: Request, res: Response): CookieJar {
  return cookieJar(req, res);
}
