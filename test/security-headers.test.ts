import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';

/* The security headers of every response (platform/security-headers.ts, computed once by helmet). */
describe('security headers', () => {
  let http: TestContext;
  let https: TestContext;
  beforeAll(async () => {
    http = await createTestApp();
    https = await createTestApp({ env: { BASE_URL: 'https://sinovik.example.go.id' } });
  });
  afterAll(async () => {
    await http.close();
    await https.close();
  });

  it('sends the content security policy and the other helmet headers on API answers and errors', async () => {
    for (const url of ['/api/health', '/api/proposals/999999', '/api/tidak-ada']) {
      const res = await http.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp, url).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(res.headers['x-powered-by'], url).toBeUndefined();
    }
  });

  it('asks browsers for HTTPS only when the installation is served over https', async () => {
    const plain = await http.app.inject({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const secure = await https.app.inject({ method: 'GET', url: '/api/health' });
    expect(secure.headers['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/);
  });

  it('refuses a state-changing request sent from another site, by its Origin', async () => {
    const login = (origin?: string) =>
      http.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { host: 'sinovik.example.go.id', ...(origin ? { origin } : {}) },
        payload: { email: 'tidak.ada@example.go.id', password: 'salah-sekali-123' },
      });
    for (const origin of ['https://jahat.example.com', 'not a url']) {
      const res = await login(origin);
      expect(res.statusCode, origin).toBe(403);
      expect(res.json().error.code, origin).toBe('cross_origin');
      expect(res.json().error.message.id, origin).toBe('Permintaan lintas situs ditolak.');
    }
    // The same site, or no Origin at all (not a browser), reaches the route: a wrong login is a 401.
    expect((await login('https://sinovik.example.go.id')).statusCode).toBe(401);
    expect((await login()).statusCode).toBe(401);
    // Reading is never refused for its origin.
    const read = await http.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'https://jahat.example.com' },
    });
    expect(read.statusCode).toBe(200);
  });
});
