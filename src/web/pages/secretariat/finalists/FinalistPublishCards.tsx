import { Link } from 'react-router';
import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconGavel, IconSpeakerphone } from '@tabler/icons-react';
import type { FinalistsResponse } from '../../../../contracts/finalists.js';
import { api } from '../../../api/client.js';
import { AdminNotice } from '../../../components/AdminPage.js';
import { formatAt } from '../../../components/AdminTime.js';
import { NumberedPublishCard } from '../../../components/NumberedPublishCard.js';
import { useLang } from '../../../i18n/index.js';

/** The uji publik's window with hour and zone, or null when it is not scheduled. */
function windowOf(d: FinalistsResponse, lang: 'id' | 'en'): string | null {
  const w = d.objectionWindow;
  if (!w.opensAt || !w.closesAt) return null;
  return `${formatAt(w.opensAt, d.competition.timeZone, lang)} – ${formatAt(w.closesAt, d.competition.timeZone, lang)}`;
}

/** Publishing the provisional list: letter number, the uji publik's window, a confirmation of the consequences. */
export function ProvisionalCard({ d, onDone }: { d: FinalistsResponse; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const s = d.selection;
  const count = s?.groups.reduce((n, g) => n + g.selected, 0) ?? 0;
  const window = windowOf(d, lang);
  if (s?.provisional)
    return (
      <AdminNotice tone="info" title={t('finalists.publish.title')}>
        <Stack gap={4}>
          <Text size="sm">
            {t('finalists.publish.published', {
              at: formatAt(s.provisional.publishedAt, d.competition.timeZone, lang),
              letter: s.provisional.letterNumber,
            })}
          </Text>
          {window && <Text size="sm">{t('finalists.publish.window', { window })}</Text>}
          <Anchor
            component={Link}
            to={`/kompetisi/${d.competition.id}/pengumuman/finalists_provisional`}
            size="sm"
          >
            {t('finalists.publish.viewPublic')}
          </Anchor>
        </Stack>
      </AdminNotice>
    );
  if (!s) return null;
  return (
    <NumberedPublishCard
      id="finalists-publish"
      title={t('finalists.publish.title')}
      label={t('finalists.publish.letterNumber')}
      hint={t('finalists.publish.letterHint')}
      field="letterNumber"
      icon={<IconSpeakerphone size={16} aria-hidden />}
      buttonLabel={t('finalists.publish.button')}
      disabled={!d.abilities.publish || !window}
      intro={
        <Text size="sm">
          {window ? t('finalists.publish.window', { window }) : t('finalists.publish.noWindow')}
        </Text>
      }
      publish={(letterNumber) =>
        api<{ moved: number }>('POST', `/competitions/${d.competition.id}/finalists/publish`, {
          letterNumber,
          version: s.version,
        })
      }
      onPublished={(r) => onDone(t('finalists.publish.done', { count: r.moved }))}
      confirmTitle={t('finalists.publish.confirmTitle', { count })}
      confirmLabel={t('finalists.publish.confirm')}
      confirmBody={(letter) => (
        <>
          <Text size="sm">{t('finalists.publish.confirmPublic', { count, letter })}</Text>
          <Text size="sm">{t('finalists.publish.confirmWindow', { window: window ?? '—' })}</Text>
          <Text size="sm">{t('finalists.publish.confirmStates')}</Text>
          <Text size="sm" fw={700}>
            {t('finalists.publish.irreversible')}
          </Text>
        </>
      )}
    />
  );
}

/** Fixing the final list after the uji publik: what blocks it, the decree number, a confirmation. */
export function FinalCard({ d, onDone }: { d: FinalistsResponse; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const s = d.selection;
  const c = d.closing;
  if (!s?.provisional || !c) return null;
  if (s.final)
    return (
      <AdminNotice tone="success" title={t('finalists.final.title')}>
        <Stack gap={4}>
          <Text size="sm">
            {t('finalists.final.published', {
              at: formatAt(s.final.publishedAt, d.competition.timeZone, lang),
              decree: s.final.decreeNumber,
            })}
          </Text>
          <Anchor component={Link} to={`/kompetisi/${d.competition.id}/pengumuman/finalists_final`} size="sm">
            {t('finalists.final.viewPublic')}
          </Anchor>
        </Stack>
      </AdminNotice>
    );
  return (
    <NumberedPublishCard
      id="finalists-final"
      title={t('finalists.final.title')}
      label={t('finalists.final.decree')}
      hint={t('finalists.final.decreeHint')}
      field="decreeNumber"
      icon={<IconGavel size={16} aria-hidden />}
      buttonLabel={t('finalists.final.button')}
      disabled={!d.abilities.fix}
      intro={
        <>
          <Text size="sm">{t('finalists.final.status', { finalists: c.finalists, removed: c.removed })}</Text>
          {c.blockers.length > 0 && (
            <AdminNotice tone="warning">
              {c.blockers.map((b) => (
                <Text size="sm" key={b.code}>
                  {pick(b.message)}
                </Text>
              ))}
            </AdminNotice>
          )}
        </>
      }
      publish={(decreeNumber) =>
        api<{ finalists: number; mails: number }>(
          'POST',
          `/competitions/${d.competition.id}/finalists/final`,
          {
            decreeNumber,
          },
        )
      }
      onPublished={(r) => onDone(t('finalists.final.done', { count: r.finalists, mails: r.mails }))}
      confirmTitle={t('finalists.final.confirmTitle', { count: c.finalists })}
      confirmLabel={t('finalists.final.confirm')}
      confirmBody={(decree) => (
        <>
          <Text size="sm">{t('finalists.final.confirmText', { decree })}</Text>
          <Text size="sm" fw={700}>
            {t('finalists.final.irreversible')}
          </Text>
        </>
      )}
    />
  );
}
