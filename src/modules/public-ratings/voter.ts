import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/*
 * The keyed hashes public ratings keep instead of an address or a code, and the rating session's cookie.
 * The key is derived from SESSION_SECRET (kept outside the database): without it, a copy of the database
 * cannot test guessed addresses against the stored hashes. Rotating SESSION_SECRET starts every voter
 * afresh (the rows stay; a person could rate again): rotate it between competitions, not during a window.
 */

const derive = (secret: string, purpose: string) =>
  crypto.createHmac('sha256', secret).update(`sinovik:public-ratings:${purpose}`).digest();

export interface RatingKeys {
  voter: Buffer;
  code: Buffer;
}
const cache = new Map<string, RatingKeys>();
export function ratingKeys(secret: string): RatingKeys {
  let k = cache.get(secret);
  if (!k) {
    k = { voter: derive(secret, 'voter'), code: derive(secret, 'code') };
    cache.set(secret, k);
  }
  return k;
}

/** The voter's key: HMAC of the normalized address (domain/public-ratings.ts voterIdentity). */
export const voterHash = (keys: RatingKeys, identity: string) =>
  crypto.createHmac('sha256', keys.voter).update(identity).digest('hex');

/** A code's stored form: HMAC of the request id and the code (the same code of another request differs). */
export const codeHash = (keys: RatingKeys, requestId: number, code: string) =>
  crypto.createHmac('sha256', keys.code).update(`${requestId}:${code}`).digest('hex');

export const sameHash = (a: string, b: string) =>
  a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const newCode = () => String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
export const newToken = () => crypto.randomBytes(32).toString('base64url');
export const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** The rating session's cookie: its own name, HttpOnly, SameSite=Lax, signed; `__Host-` over https. */
export const ratingCookieName = (secure: boolean) => (secure ? '__Host-sinovik_rating' : 'sinovik_rating');

export function setRatingCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeMs: number) {
  reply.setCookie(ratingCookieName(secure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

/** The session token the request carries (signature checked), or null. */
export function ratingToken(req: FastifyRequest, secure: boolean): string | null {
  const raw = req.cookies[ratingCookieName(secure)];
  if (!raw) return null;
  const unsigned = req.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : null;
}
