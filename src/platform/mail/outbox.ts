import type { Db } from '../../db/connect.js';
import { scopeColumns, type RecordScope } from '../record-scope.js';
import { renderMail, type Locale, type TemplateName } from './templates.js';

export interface MailInput {
  to: string;
  toName?: string | null;
  template: TemplateName;
  locale: Locale;
  vars: Record<string, string | number | null | undefined>;
  /**
   * Variables whose value must reach only the recipient (a set-password or reset link, any token): the
   * outbox row keeps the message with them redacted, and the real bodies wait in outbox_secrets, which
   * no route reads, until the message is delivered or `until` passes.
   */
  secrets?: { vars: Record<string, string>; until: Date };
  /** Whose message this is; decides who may read it on the Outbox page (none: system administrator). */
  scope?: RecordScope;
  now: Date;
}

/**
 * Queues one e-mail. Call it with the transaction of the change that causes the mail, so the change
 * and its mail commit together or not at all; the worker delivers it later.
 */
export async function enqueueMail(tx: Db, input: MailInput): Promise<number> {
  const secretNames = Object.keys(input.secrets?.vars ?? {});
  const vars = { ...input.vars, ...input.secrets?.vars };
  const stored = renderMail(input.template, input.locale, vars, secretNames);
  const now = input.now.toISOString();
  const row = await tx
    .insertInto('outbox')
    .values({
      to_address: input.to,
      to_name: input.toName ?? null,
      subject: stored.subject,
      text_body: stored.text,
      html_body: stored.html,
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
      has_secret: input.secrets ? 1 : 0,
      ...scopeColumns(input.scope),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.secrets) {
    const real = renderMail(input.template, input.locale, vars);
    await tx
      .insertInto('outbox_secrets')
      .values({
        outbox_id: row.id,
        text_body: real.text,
        html_body: real.html,
        expires_at: input.secrets.until.toISOString(),
      })
      .execute();
  }
  return row.id;
}
