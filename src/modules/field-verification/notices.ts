import type { Db } from '../../db/connect.js';
import { t } from '../../domain/errors.js';
import { formatInstant } from '../../domain/time.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { notifyUser, recipientsWithRole, type Recipient } from '../../platform/notify.js';

/*
 * Who hears about an OPEN visit: every active admin lokal of the finalist's institution and every UPP of
 * its unit, by mail and in the app, in the change's transaction. A closed visit never comes here.
 */

export type VisitNotice = 'field_visit_planned' | 'field_visit_changed' | 'field_visit_cancelled';

export interface NoticeVisit {
  competitionId: number;
  organizerInstitutionId: number;
  program: string;
  proposalId: number;
  code: string;
  title: string;
  institutionId: number;
  unitId: number;
  address: string;
  startsAt: string;
  timeZone: string;
}

const TITLES: Record<VisitNotice, (code: string) => { id: string; en: string }> = {
  field_visit_planned: (code) =>
    t(`Verifikasi lapangan ${code} dijadwalkan`, `Field verification of ${code} scheduled`),
  field_visit_changed: (code) =>
    t(`Jadwal verifikasi lapangan ${code} berubah`, `Field verification of ${code} changed`),
  field_visit_cancelled: (code) =>
    t(`Verifikasi lapangan ${code} dibatalkan`, `Field verification of ${code} cancelled`),
};

export async function participantsOf(
  tx: Db,
  v: { institutionId: number; unitId: number },
): Promise<Recipient[]> {
  const admins = await recipientsWithRole(tx, { role: 'local_admin', institutionId: v.institutionId });
  const upps = await recipientsWithRole(tx, {
    role: 'upp',
    institutionId: v.institutionId,
    unitId: v.unitId,
  });
  const seen = new Set<number>();
  return [...admins, ...upps].filter((r) => !seen.has(r.id) && seen.add(r.id));
}

/** Mails and in-app notices about an open visit; `previous` is the former instant of a changed one. */
export async function noticeParticipants(
  tx: Db,
  input: {
    notice: VisitNotice;
    visit: NoticeVisit;
    previous?: { startsAt: string; timeZone: string };
    baseUrl: string;
    now: Date;
  },
): Promise<number> {
  const { visit: v } = input;
  const link = `/usulan/${v.proposalId}`;
  const startsAt = formatInstant(v.startsAt, v.timeZone, 'id');
  const startsAtEn = formatInstant(v.startsAt, v.timeZone, 'en');
  const recipients = await participantsOf(tx, v);
  for (const r of recipients) {
    await enqueueMail(tx, {
      to: r.email,
      toName: r.name,
      template: input.notice,
      locale: r.locale,
      vars: {
        name: r.name,
        code: v.code,
        title: v.title,
        program: v.program,
        address: v.address,
        startsAt,
        startsAtEn,
        previous: input.previous ? formatInstant(input.previous.startsAt, input.previous.timeZone, 'id') : '',
        previousEn: input.previous
          ? formatInstant(input.previous.startsAt, input.previous.timeZone, 'en')
          : '',
        link: `${input.baseUrl}${link}`,
      },
      scope: {
        competitionId: v.competitionId,
        organizerInstitutionId: v.organizerInstitutionId,
        institutionId: v.institutionId,
      },
      now: input.now,
    });
    const body =
      input.notice === 'field_visit_cancelled'
        ? t(`Kunjungan ${startsAt} dibatalkan.`, `The visit of ${startsAtEn} is cancelled.`)
        : t(`${startsAt}, ${v.address}`, `${startsAtEn}, ${v.address}`);
    await notifyUser(tx, {
      userId: r.id,
      kind: input.notice,
      title: TITLES[input.notice](v.code),
      body,
      link,
      now: input.now,
    });
  }
  return recipients.length;
}
