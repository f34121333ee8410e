import { useState } from 'react';
import { useParams } from 'react-router';
import { Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { AdminConfirmDialog } from '../../../components/AdminFormDialog.js';
import { AdminNotice, AdminPage } from '../../../components/AdminPage.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { formatAt } from '../../../components/AdminTime.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';
import { AssignCard } from './AssignCard.js';
import { MoveDialog } from './MoveDialog.js';
import { PresentationSettingsCard } from './PresentationSettingsCard.js';
import { PublishCard } from './PublishCard.js';
import { RequestsCard } from './RequestsCard.js';
import { SessionDialog } from './SessionDialog.js';
import { SessionsSection } from './SessionsSection.js';
import { rangeText } from './slotTime.js';
import type { PresentationView, SessionView } from './types.js';

/**
 * /sekretariat/kompetisi/:id/presentasi: the presentation and interview schedule (issue 13 point 2) — the
 * settings, the panel's sessions with their slots, automatic placement and hand moves, the rescheduling
 * requests, and the publication with its numbered letters. Every button follows the abilities the API
 * returns.
 */
export function PresentationPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { lang } = useLang();
  const qc = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<SessionView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SessionView | null>(null);
  const [moving, setMoving] = useState(false);
  const key = ['presentation', id];
  const view = useQuery({
    queryKey: key,
    queryFn: () => api<PresentationView>('GET', `/competitions/${id}/presentation`),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: key });
  const done = (text: string) => {
    setNotice(text);
    refresh();
  };
  const remove = useMutation({
    mutationFn: (s: SessionView) => api('DELETE', `/competitions/${id}/presentation/sessions/${s.id}`),
    onSuccess: (_x, s) => {
      setDeleting(null);
      done(t('presentation.sessions.deleted', { name: s.name }));
    },
  });
  const d = view.data;
  const zone = d?.competition.timeZone ?? 'Asia/Jakarta';
  return (
    <AdminPage>
      <AdminQueryState isLoading={view.isLoading} error={view.error} onRetry={() => view.refetch()}>
        {d && (
          <>
            <div>
              <Title order={1}>{t('presentation.title')}</Title>
              <Text c="dark.6">
                {d.competition.name} · {t('presentation.intro')}
              </Text>
              {d.stage.opensAt && d.stage.closesAt && (
                <Text size="sm" c="dark.6">
                  {t('presentation.stageWindow', {
                    from: formatAt(d.stage.opensAt, zone, lang),
                    to: formatAt(d.stage.closesAt, zone, lang),
                  })}
                </Text>
              )}
            </div>
            {notice && (
              <AdminNotice tone="success" withCloseButton onClose={() => setNotice(null)} role="status">
                {notice}
              </AdminNotice>
            )}
            {d.schedule.publishedAt && (
              <AdminNotice tone="info">
                {t('presentation.published', { at: formatAt(d.schedule.publishedAt, zone, lang) })}
              </AdminNotice>
            )}
            <PresentationSettingsCard
              key={JSON.stringify(d.settings)}
              d={d}
              onSaved={() => done(t('presentation.settings.saved'))}
            />
            <SessionsSection
              d={d}
              onAdd={() => setEditing('new')}
              onEdit={(s) => setEditing(s)}
              onDelete={(s) => {
                remove.reset();
                setDeleting(s);
              }}
            />
            <AssignCard
              d={d}
              onAssigned={(placed, left) =>
                done(
                  left
                    ? t('presentation.assign.doneLeft', { placed, left })
                    : t('presentation.assign.done', { placed }),
                )
              }
              onMove={() => setMoving(true)}
            />
            <RequestsCard d={d} onDecided={done} />
            <PublishCard d={d} onPublished={done} />
            {editing && (
              <SessionDialog
                d={d}
                session={editing === 'new' ? null : editing}
                onClose={() => setEditing(null)}
                onSaved={(name) => {
                  setEditing(null);
                  done(t('presentation.sessions.saved', { name }));
                }}
              />
            )}
            {moving && (
              <MoveDialog
                d={d}
                onClose={() => setMoving(false)}
                onMoved={(code, r) => {
                  setMoving(false);
                  const time = rangeText(r.startsAt, r.endsAt, zone, lang);
                  done(
                    t(r.reissued ? 'presentation.move.doneReissued' : 'presentation.move.done', {
                      code,
                      time,
                    }),
                  );
                }}
              />
            )}
            {deleting && (
              <AdminConfirmDialog
                title={t('presentation.sessions.deleteTitle', { name: deleting.name })}
                confirmLabel={t('presentation.sessions.deleteConfirm')}
                danger
                pending={remove.isPending}
                error={remove.error ? apiErrorMessages(remove.error, lang).general : null}
                onConfirm={() => remove.mutate(deleting)}
                onClose={() => setDeleting(null)}
              >
                <Text size="sm">{t('presentation.sessions.deleteBody')}</Text>
              </AdminConfirmDialog>
            )}
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
