import { describe, expect, it } from 'vitest';
import { enqueueMail } from '../src/platform/mail/outbox.js';
import { appWithSmtpCapture } from './helpers/app.js';

const LINK_NAME = 'LINK:https://jahat.example/masuk';
const XSS = '<img src=x onerror=alert(1)><script>alert(2)</script>';

describe('names in mail are always text (real SMTP capture)', () => {
  const suite = appWithSmtpCapture();

  it('does not turn a unit or person name beginning with LINK: into a link, and escapes markup in names', async () => {
    await suite.ctx.db.transaction().execute(async (tx) => {
      // A unit name opens a paragraph of proposal_sent; the creator's name one of account_created.
      await enqueueMail(tx, {
        to: 'admin.lokal@uji.go.id',
        template: 'proposal_sent',
        locale: 'id',
        vars: {
          name: XSS,
          unit: LINK_NAME,
          title: XSS,
          code: 'KIPP-2026-0001',
          program: 'KIPP 2026',
          link: 'https://sinovik.test/proposal/1',
          closesAt: '31 Mei 2026 23.59 WIB',
        },
        now: suite.ctx.clock.now(),
      });
      await enqueueMail(tx, {
        to: 'upp.baru@uji.go.id',
        template: 'account_created',
        locale: 'en',
        vars: {
          name: XSS,
          createdBy: LINK_NAME,
          roleLabel: 'Proposer',
          scope: XSS,
          email: 'upp.baru@uji.go.id',
          expires: '12 May 2026 16:00 WIB',
        },
        secrets: {
          vars: { link: 'https://sinovik.test/atur-sandi?token=abc' },
          until: new Date(Date.now() + 3600_000),
        },
        now: suite.ctx.clock.now(),
      });
    });
    expect(await suite.ctx.deliverMail()).toEqual({ sent: 2, failed: 0 });
    for (const [to, realLink] of [
      ['admin.lokal@uji.go.id', 'https://sinovik.test/proposal/1'],
      ['upp.baru@uji.go.id', 'https://sinovik.test/atur-sandi?token=abc'],
    ]) {
      const mail = await suite.smtp.waitFor((m) => m.to.includes(to));
      const anchors = [...mail.html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((m) =>
        m[1].replace(/&amp;/g, '&'),
      );
      expect(anchors).toEqual([realLink]);
      expect(mail.html).not.toContain('jahat.example/masuk"');
      expect(mail.html).toContain(`<p>${LINK_NAME} `);
      expect(mail.html).not.toMatch(/<img|<script/i);
      expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
      expect(mail.text).toContain(LINK_NAME);
    }
  });
});
