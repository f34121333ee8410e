import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { UserRow } from '../db/schema.js';
import { AppError, t, unauthenticated } from '../domain/errors.js';
import { DENY_TEXT, decide, type Action, type Actor, type Subjects } from '../domain/policy.js';
import { resolveSession, sessionCookieName, SESSION_IDLE_MS } from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: UserRow | null;
    actor: Actor | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable while the account still has to complete its profile (first login). */
    allowIncompleteProfile?: boolean;
    /**
     * Served to signed-out callers. Every other route under /api/ refuses them with 401 before the body
     * is read, parsed or validated (deny by default; see authPlugin).
     */
    public?: boolean;
  }
}

const profileIncomplete = () =>
  new AppError(
    403,
    'profile_incomplete',
    t(
      'Lengkapi profil dan buat kata sandi Anda terlebih dahulu.',
      'Please complete your profile and set your password first.',
    ),
  );

/** Resolves the session cookie on every request and enforces first-login profile completion. */
export const authPlugin = fp(async (app: FastifyInstance) => {
  // Signed cookies already verified (a signature check is an HMAC per request; the answer never changes
  // for the same cookie). Only whether the session is still valid is asked of the database each time.
  const verified = new Map<string, string>();
  app.decorateRequest('user', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  const { config } = app.deps;
  const cookieName = sessionCookieName(config.baseUrl.startsWith('https://'));
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const raw = req.cookies[cookieName];
    if (!raw) return;
    let token = verified.get(raw);
    if (token === undefined) {
      const unsigned = req.unsignCookie(raw);
      if (!unsigned.valid || !unsigned.value) return;
      token = unsigned.value;
      if (verified.size >= 10_000) verified.clear();
      verified.set(raw, token);
    }
    const resolved = await resolveSession(app.deps.db, token, app.deps.clock.now(), config.sessionMaxAgeMs);
    if (!resolved) return;
    req.user = resolved.user;
    req.actor = resolved.actor;
    req.sessionToken = token;
  });
  // Deny by default: a signed-out request to a route not declared `config: { public: true }` is refused
  // here, in onRequest right after the session is resolved, before the body is read. A later hook
  // (preParsing, preValidation) would come after Fastify's body reading or its content-type parser: an
  // anonymous caller would get 413 for a big body, 400/415 for a bad one or the route's field messages,
  // instead of the same 401 requireUser gives (and learn the route's schema). An address no route has
  // (routeOptions.url undefined) keeps its 404.
  app.addHook('onRequest', async (req) => {
    if (req.user || !req.url.startsWith('/api/') || req.routeOptions.url === undefined) return;
    if (req.routeOptions.config?.public) return;
    // The body is read and dropped (not parsed) before the answer, up to twice the route's limit: answering
    // while the client (or nginx in front) is still sending makes the connection close under it, and it
    // gets a broken pipe (a 502 from a proxy) instead of this 401. Past that bound the answer goes at once.
    await discardBody(req.raw, 2 * Math.max(req.routeOptions.bodyLimit ?? 0, 1024 * 1024));
    throw unauthenticated();
  });
  // Answers of the API carry personal data (and, signed in, always do): never kept by a browser or proxy
  // cache. A route that chose its own Cache-Control keeps it.
  app.addHook('onSend', (req, reply, payload, done) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  app.addHook('preHandler', (req, _reply, done) => {
    if (req.user?.must_complete_profile && !req.routeOptions.config?.allowIncompleteProfile)
      return done(profileIncomplete());
    done();
  });
});

/** Reads and drops a request's body, up to `maxBytes` (then stops reading); nothing when it has none. */
function discardBody(raw: IncomingMessage, maxBytes: number): Promise<void> {
  const length = Number(raw.headers['content-length'] ?? 0);
  if (!raw.headers['transfer-encoding'] && !(length > 0)) return Promise.resolve();
  if (length > maxBytes) return Promise.resolve();
  return new Promise((resolve) => {
    let read = 0;
    const done = () => {
      raw.off('data', onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > maxBytes) {
        raw.pause();
        done();
      }
    };
    raw.on('data', onData);
    raw.once('end', done);
    raw.once('error', done);
    raw.once('close', done);
  });
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, and `__Host-` with Secure over https. */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  secure: boolean,
  maxAgeMs: number,
): void {
  reply.setCookie(sessionCookieName(secure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
    maxAge: Math.floor(Math.min(SESSION_IDLE_MS, maxAgeMs) / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookieName(secure), { path: '/', secure, httpOnly: true, sameSite: 'lax' });
}

/** The logged-in user, or a 401. */
export function requireUser(req: FastifyRequest): { user: UserRow; actor: Actor } {
  if (!req.user || !req.actor) throw unauthenticated();
  return { user: req.user, actor: req.actor };
}

/** Asks the policy; refuses with 401/403 and the reason in both languages. */
export function authorize<A extends Action>(req: FastifyRequest, action: A, subject: Subjects[A]): Actor {
  const decision = decide(req.actor, action, subject, { clockControl: req.server.deps.config.clockControl });
  if (decision.allowed) return req.actor!;
  if (decision.reason === 'notAuthenticated') throw unauthenticated();
  throw new AppError(403, `forbidden.${decision.reason}`, DENY_TEXT[decision.reason]);
}

/** The client address as seen behind a trusted proxy. */
export const clientIp = (req: FastifyRequest): string => req.ip;
