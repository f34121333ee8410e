import type { Db } from '../../../db/connect.js';
import type { Text } from '../../../domain/errors.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import type { TemplateName } from '../../../platform/mail/templates.js';
import { notifyUser } from '../../../platform/notify.js';
import { REPLICATION_PAGE } from '../paths.js';
import type { RequestView } from '../queries.js';

/**
 * Tells the requester the answer: a mail to the contact the request gave (and to the account that asked,
 * when its address differs) and a notice in the asker's app. Inside the answer's transaction.
 */
export async function tellRequester(
  tx: Db,
  v: RequestView,
  input: {
    template: TemplateName;
    vars: Record<string, string | null>;
    notice: { title: Text; body: Text };
    baseUrl: string;
    now: Date;
  },
): Promise<void> {
  const asker = await tx
    .selectFrom('users')
    .select(['email', 'name', 'locale'])
    .where('id', '=', v.requested_by)
    .executeTakeFirstOrThrow();
  const to = [{ email: v.contact_email, name: v.contact_name, locale: asker.locale }];
  if (asker.email.toLowerCase() !== v.contact_email.toLowerCase())
    to.push({ email: asker.email, name: asker.name, locale: asker.locale });
  for (const r of to)
    await enqueueMail(tx, {
      to: r.email,
      toName: r.name,
      template: input.template,
      locale: r.locale,
      vars: {
        ...input.vars,
        name: r.name,
        title: v.entry_title ?? v.proposal_title,
        owner: v.owner_name,
        requester: v.requester_name,
        link: `${input.baseUrl}${REPLICATION_PAGE}`,
      },
      scope: { institutionId: v.owner_institution_id },
      now: input.now,
    });
  await notifyUser(tx, {
    userId: v.requested_by,
    kind: input.template,
    title: input.notice.title,
    body: input.notice.body,
    link: REPLICATION_PAGE,
    now: input.now,
  });
}
