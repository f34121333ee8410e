import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/*
 * The "known device" cookie: set at a successful login, it tells the login throttle that an attempt comes
 * from a browser where this account signed in before (domain/login-throttle.ts). Signed with the session
 * secret, HttpOnly; it holds, for up to MAX_ACCOUNTS accounts, the account id and a random device id
 * (`<userId>.<deviceId>` joined by `~`). It grants nothing by itself: the password is still required.
 */

const MAX_ACCOUNTS = 5;
const MAX_AGE_S = 180 * 24 * 60 * 60;

/** `__Host-` (Secure, Path=/, no Domain) when served over https; a plain name on http development. */
export const deviceCookieName = (secure: boolean) => (secure ? '__Host-sinovik_device' : 'sinovik_device');

/** The known devices this request carries: account id → device id. Unsigned or malformed: none. */
export function knownDevices(req: FastifyRequest, secure: boolean): Map<number, string> {
  const devices = new Map<number, string>();
  const raw = req.cookies[deviceCookieName(secure)];
  if (!raw) return devices;
  const unsigned = req.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return devices;
  for (const entry of unsigned.value.split('~').slice(0, MAX_ACCOUNTS)) {
    const m = /^(\d{1,12})\.([A-Za-z0-9_-]{16,64})$/.exec(entry);
    if (m) devices.set(Number(m[1]), m[2]);
  }
  return devices;
}

/** Marks this browser as a known device of `userId` (keeping its id if it had one); returns the device id. */
export function rememberDevice(
  req: FastifyRequest,
  reply: FastifyReply,
  userId: number,
  secure: boolean,
): string {
  const devices = knownDevices(req, secure);
  const id = devices.get(userId) ?? crypto.randomBytes(16).toString('base64url');
  devices.delete(userId);
  const entries = [`${userId}.${id}`, ...[...devices].map(([u, d]) => `${u}.${d}`)].slice(0, MAX_ACCOUNTS);
  reply.setCookie(deviceCookieName(secure), entries.join('~'), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
    maxAge: MAX_AGE_S,
  });
  return id;
}
