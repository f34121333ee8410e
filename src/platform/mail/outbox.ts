import type { Db } from '../../db/connect.js';
import { renderMail, type Locale, type TemplateName } from './templates.js';

export interface MailInput {
  to: string;
  toName?: string | null;
  template: TemplateName;
  locale: Locale;
  vars: Record<string, string | number | null | undefined>;
  now: Date;
}

/**
 * Queues one e-mail. Call it with the transaction of the change that causes the mail, so the change
 * and its mail commit together or not at all; the worker delivers it later.
 */
export async function enqueueMail(tx: Db, input: MailInput): Promise<number> {
  const rendered = renderMail(input.template, input.locale, input.vars);
  const now = input.now.toISOString();
  const row = await tx
    .insertInto('outbox')
    .values({
      to_address: input.to,
      to_name: input.toName ?? null,
      subject: rendered.subject,
      text_body: rendered.text,
      html_body: rendered.html,
      template: input.template,
      locale: input.locale,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      message_id: null,
      eml_path: null,
      created_at: now,
      sent_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
