import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import {
  Anchor,
  Box,
  Button,
  Card,
  Code,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconAlertTriangle, IconDownload, IconExternalLink } from '@tabler/icons-react';
import { api } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';
import { apiErrorMessages } from '../../components/forms.js';
import { AdminInstant } from '../../components/AdminInstant.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { AdminStatusBadge } from '../../components/AdminStatusBadge.js';
import type { AdminRequest } from '../../../contracts/admin-requests.js';
import { AdminPage, ADMIN_SCOPE, AdminNotice } from '../../components/AdminPage.js';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dark.6" fw={700} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** "1,2 MB" / "1.2 MB". */
function formatSize(bytes: number, lang: 'id' | 'en'): string {
  const fmt = (n: number) =>
    n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${fmt(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${fmt(bytes / 1024)} KB`;
  return `${bytes} B`;
}

function Decision({ request }: { request: AdminRequest }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const done = async (res: AdminRequest, message: string) => {
    qc.setQueryData(['admin-request', String(request.id)], res);
    await qc.invalidateQueries({ queryKey: ['admin-requests'] });
    notifications.show({ color: 'green', message });
  };
  const approve = useMutation({
    mutationFn: () => api<AdminRequest>('POST', `/admin-requests/${request.id}/approve`),
    onSuccess: async (res) => {
      setConfirming(false);
      await done(res, t('secretariat.requests.approvedNotice', { email: res.email }));
    },
  });
  const reject = useMutation({
    mutationFn: () => api<AdminRequest>('POST', `/admin-requests/${request.id}/reject`, { reason }),
    onSuccess: async (res) => {
      setRejecting(false);
      await done(res, t('secretariat.requests.rejectedNotice', { email: res.email }));
    },
  });
  const approveErr = approve.error ? apiErrorMessages(approve.error, lang) : null;
  const rejectErr = reject.error ? apiErrorMessages(reject.error, lang) : null;
  const trimmed = reason.trim().length;
  const tooShort = trimmed > 0 && trimmed < 10;

  if (!request.abilities.approve && !request.abilities.reject) return null;
  return (
    <>
      <Group gap="sm">
        {request.abilities.approve && (
          <Button color="#1b5e20" onClick={() => setConfirming(true)}>
            {t('secretariat.requests.approve')}
          </Button>
        )}
        {request.abilities.reject && (
          <Button color="red.9" variant="outline" onClick={() => setRejecting(true)}>
            {t('secretariat.requests.reject')}
          </Button>
        )}
      </Group>
      <Modal
        className={ADMIN_SCOPE}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('secretariat.requests.approveTitle')}
      >
        <Stack gap="sm">
          <Text size="sm">
            {t('secretariat.requests.approveBody', {
              name: request.name,
              email: request.email,
              institution: request.institution.name,
            })}
          </Text>
          {request.existingAdmins > 0 && (
            <AdminNotice tone="warning" icon={<IconAlertTriangle size={18} aria-hidden />}>
              {t('secretariat.requests.existingWarning', { count: request.existingAdmins })}
            </AdminNotice>
          )}
          {approveErr && (
            <AdminNotice tone="danger" role="alert">
              {approveErr.general}
            </AdminNotice>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="#1b5e20" loading={approve.isPending} onClick={() => approve.mutate()}>
              {t('secretariat.requests.approveConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        className={ADMIN_SCOPE}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={rejecting}
        onClose={() => setRejecting(false)}
        title={t('secretariat.requests.rejectTitle')}
      >
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            reject.mutate();
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('secretariat.requests.rejectBody', { email: request.email })}</Text>
            {rejectErr && !rejectErr.fields.reason && (
              <AdminNotice tone="danger" role="alert">
                {rejectErr.general}
              </AdminNotice>
            )}
            <Textarea
              label={t('secretariat.requests.reason')}
              description={t('secretariat.requests.reasonHint', { count: trimmed })}
              required
              autosize
              minRows={4}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={
                rejectErr?.fields.reason ?? (tooShort ? t('secretariat.requests.reasonTooShort') : undefined)
              }
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRejecting(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red.9" loading={reject.isPending} disabled={trimmed < 10}>
                {t('secretariat.requests.rejectConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

export function AdminRequestDetailPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { id } = useParams();
  const q = useQuery({
    queryKey: ['admin-request', String(id)],
    queryFn: () => api<AdminRequest>('GET', `/admin-requests/${id}`),
  });
  const r = q.data;
  const letterUrl = `/api/admin-requests/${id}/letter`;
  return (
    <AdminPage gap="md">
      <div>
        <Anchor component={Link} to="/sekretariat/permohonan-admin" size="sm">
          ← {t('secretariat.requests.backToList')}
        </Anchor>
        <Title order={1} mt={4}>
          {t('secretariat.requests.detailTitle')}
        </Title>
        {r && (
          <Text c="dark.6">
            {r.institution.name} · {r.name}
          </Text>
        )}
      </div>
      <AdminQueryState isLoading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {r && (
          <Stack gap="md">
            {r.status === 'pending' && r.existingAdmins > 0 && (
              <AdminNotice
                tone="warning"
                icon={<IconAlertTriangle size={18} aria-hidden />}
                title={t('secretariat.requests.existingTitle')}
              >
                {t('secretariat.requests.existingWarning', { count: r.existingAdmins })}
              </AdminNotice>
            )}
            <Card withBorder padding="md">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h3">
                  {t('secretariat.requests.applicantData')}
                </Title>
                <AdminStatusBadge status={r.status} />
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
                <Field label={t('secretariat.requests.institution')}>{r.institution.name}</Field>
                <Field label={t('secretariat.requests.name')}>{r.name}</Field>
                <Field label={t('secretariat.requests.position')}>{r.position}</Field>
                <Field label={t('secretariat.requests.email')}>
                  <Anchor href={`mailto:${r.email}`} size="sm">
                    {r.email}
                  </Anchor>
                </Field>
                <Field label={t('secretariat.requests.phone')}>
                  <Anchor href={`tel:${r.phone}`} size="sm">
                    {r.phone}
                  </Anchor>
                </Field>
                <Field label={t('secretariat.requests.letterNumber')}>{r.letterNumber || '—'}</Field>
                <Field label={t('secretariat.requests.submittedAt')}>
                  <AdminInstant iso={r.createdAt} />
                </Field>
                <Field label={t('secretariat.requests.language')}>
                  {r.locale === 'en' ? 'English' : 'Bahasa Indonesia'}
                </Field>
              </SimpleGrid>
              {r.status !== 'pending' && (
                <AdminNotice
                  tone={r.status === 'approved' ? 'success' : 'danger'}
                  mt="md"
                  title={t(`secretariat.requests.decided.${r.status}`)}
                >
                  <Stack gap={4}>
                    <Text size="sm" component="div">
                      {t('secretariat.requests.decidedBy', { name: r.decidedBy?.name ?? '—' })}{' '}
                      <AdminInstant iso={r.decidedAt} />
                    </Text>
                    {r.reason && (
                      <Text size="sm">
                        {t('secretariat.requests.reason')}: {r.reason}
                      </Text>
                    )}
                  </Stack>
                </AdminNotice>
              )}
              <Group mt="md">
                <Decision request={r} />
              </Group>
            </Card>
            <Card withBorder padding="md">
              <Group justify="space-between" mb="sm" gap="xs">
                <Title order={2} size="h3">
                  {t('secretariat.requests.letter')}
                </Title>
                <Group gap="xs">
                  <Button
                    component="a"
                    href={letterUrl}
                    target="_blank"
                    rel="noopener"
                    variant="default"
                    size="xs"
                    leftSection={<IconExternalLink size={14} aria-hidden />}
                  >
                    {t('secretariat.requests.openLetter')}
                  </Button>
                  <Button
                    component="a"
                    href={letterUrl}
                    download={`surat-permohonan-admin-lokal-${r.id}.pdf`}
                    variant="default"
                    size="xs"
                    leftSection={<IconDownload size={14} aria-hidden />}
                  >
                    {t('secretariat.requests.downloadLetter')}
                  </Button>
                </Group>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mb="sm">
                <Field label={t('secretariat.requests.size')}>{formatSize(r.letter.size, lang)}</Field>
                <Field label="SHA-256">
                  <Code style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>{r.letter.sha256}</Code>
                </Field>
              </SimpleGrid>
              <Box visibleFrom="sm">
                <iframe
                  src={letterUrl}
                  title={t('secretariat.requests.letterFrameTitle', { name: r.name })}
                  style={{ width: '100%', height: '70vh', minHeight: 420, border: '1px solid #dee2e6' }}
                />
                <Text size="xs" c="dark.6" mt={4}>
                  {t('secretariat.requests.noPdfViewer')}
                </Text>
              </Box>
            </Card>
          </Stack>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
