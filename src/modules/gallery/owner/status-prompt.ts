import type { Db } from '../../../db/connect.js';
import { promptInstant, wibYear, type PromptDate } from '../../../domain/gallery-owner.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { localAdminsOf } from '../../../platform/notify.js';
import { hourlyJob, type RecurringJob } from '../../../platform/recurring-jobs.js';
import { markPrompted, promptedInstitutions, publicInnovationsBefore } from './queries.js';

/*
 * The yearly prompt (issue 14 point 4): once the year's prompt date has passed (config
 * `galleryStatusPrompt`, default 15 January 08.00 WIB), each institution with innovations in the gallery
 * from an earlier year's competition gets one mail per admin lokal listing them, with the link to its
 * page (/instansi/galeri) where it confirms each as continuing or halted. The per-year marker
 * (gallery_status_prompts) makes it once a year per institution, however often the hourly check runs.
 * Innovations still unconfirmed are flagged after that date (domain/gallery-owner.ts shownStatus).
 */

export const GALLERY_STATUS_PROMPT_KIND = 'gallery.status_prompt';

/** Mails the year's prompt to every institution not prompted yet; returns the institutions prompted. */
export async function sendStatusPrompts(
  db: Db,
  input: { now: Date; prompt: PromptDate; baseUrl: string },
): Promise<number> {
  const year = wibYear(input.now);
  if (input.now.getTime() < promptInstant(year, input.prompt).getTime()) return 0;
  const done = await promptedInstitutions(db, year);
  const byInstitution = new Map<number, Awaited<ReturnType<typeof publicInnovationsBefore>>>();
  for (const r of await publicInnovationsBefore(db, year))
    if (!done.has(r.institution_id))
      byInstitution.set(r.institution_id, [...(byInstitution.get(r.institution_id) ?? []), r]);
  let prompted = 0;
  for (const [institutionId, innovations] of byInstitution) {
    const sent = await db.transaction().execute(async (tx) => {
      const admins = await localAdminsOf(tx, [institutionId]);
      const at = input.now.toISOString();
      // Another worker marked it first: that one mails.
      if (
        !(await markPrompted(tx, {
          year,
          institutionId,
          innovations: innovations.length,
          mailed: admins.length,
          at,
        }))
      )
        return false;
      const institution = innovations[0]!.institution_name;
      const list = innovations
        .map((i) => `• ${i.title} (${i.code}) — ${input.baseUrl}/galeri/${i.slug}`)
        .join('\n');
      for (const a of admins)
        await enqueueMail(tx, {
          to: a.email,
          toName: a.name,
          template: 'gallery_status_prompt',
          locale: a.locale,
          vars: {
            name: a.name,
            institution,
            year,
            count: innovations.length,
            list,
            link: `${input.baseUrl}/instansi/galeri`,
          },
          scope: { institutionId },
          now: input.now,
        });
      await recordAudit(tx, {
        actorUserId: null,
        action: 'gallery.status_prompted',
        entityType: 'institution',
        entityId: institutionId,
        summary: { year, innovations: innovations.map((i) => i.code), mailed: admins.length },
        scope: { institutionId },
        ip: null,
        now: input.now,
      });
      return true;
    });
    if (sent) prompted++;
  }
  return prompted;
}

export const galleryStatusPromptJob = (deps: {
  baseUrl: string;
  galleryStatusPrompt: PromptDate;
}): RecurringJob =>
  hourlyJob(GALLERY_STATUS_PROMPT_KIND, (db, now) =>
    sendStatusPrompts(db, { now, prompt: deps.galleryStatusPrompt, baseUrl: deps.baseUrl }),
  );
