import { useState } from 'react';
import { useParams } from 'react-router';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconCertificate } from '@tabler/icons-react';
import type { CertificatePageResponse, CertificateView } from '../../../../contracts/certificates.js';
import { api } from '../../../api/client.js';
import { AdminDataTable } from '../../../components/AdminDataTable.js';
import { AdminConfirmDialog } from '../../../components/AdminFormDialog.js';
import { AdminNotice, AdminPage } from '../../../components/AdminPage.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { DownloadButton } from '../../../components/DownloadButton.js';
import { apiErrorMessages } from '../../../components/forms.js';
import { useLang } from '../../../i18n/index.js';
import { CertificateSettingsCard } from './CertificateSettingsCard.js';

/** The status of one certificate: revoked, PDF ready, or being made. */
export function CertificateStatus({ r }: { r: CertificateView }) {
  const { t } = useTranslation();
  const [color, key] = r.revokedAt
    ? ['red.9', 'revoked']
    : r.ready
      ? ['teal.9', 'ready']
      : ['gray.7', 'makingOne'];
  return (
    <Badge color={color} variant="filled" radius="sm" style={{ textTransform: 'none' }}>
      {t(`certificates.list.${key}`)}
    </Badge>
  );
}

/**
 * /sekretariat/kompetisi/:id/piagam: what the certificates say (number prefix, signer), "Terbitkan piagam"
 * for every finalist and award without one (after a confirmation naming the consequences), the list with
 * each certificate's PDF and verification address, and revoking one (irreversible, with a reason).
 */
export function CertificatesPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const qc = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [revoking, setRevoking] = useState<CertificateView | null>(null);
  const [reason, setReason] = useState('');
  const view = useQuery({
    queryKey: ['certificates', id],
    queryFn: () => api<CertificatePageResponse>('GET', `/competitions/${id}/certificates`),
    // While PDFs are being made in the background, the counts move: look again every two seconds.
    refetchInterval: (q) => {
      const c = q.state.data?.counts;
      return c && c.ready < c.all ? 2000 : false;
    },
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['certificates', id] });
  const issue = useMutation({
    mutationFn: () =>
      api<{ issued: number; alreadyIssued: number; mails: number }>(
        'POST',
        `/competitions/${id}/certificates/issue`,
      ),
    onSuccess: (r) => {
      setConfirming(false);
      setNotice(t('certificates.issue.done', r));
      refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (r: CertificateView) => api('POST', `/certificates/${r.id}/revoke`, { reason }),
    onSuccess: (_x, r) => {
      setRevoking(null);
      setReason('');
      setNotice(t('certificates.revoke.done', { number: r.number }));
      refresh();
    },
  });
  const d = view.data;
  const revokeErr = revoke.error ? apiErrorMessages(revoke.error, lang) : null;
  return (
    <AdminPage>
      <AdminQueryState isLoading={view.isLoading} error={view.error} onRetry={() => view.refetch()}>
        {d && (
          <>
            <div>
              <Title order={1}>{t('certificates.title')}</Title>
              <Text c="dark.6">
                {d.competition.name} · {t('certificates.intro')}
              </Text>
            </div>
            {notice && (
              <AdminNotice tone="success" withCloseButton onClose={() => setNotice(null)} role="status">
                {notice}
              </AdminNotice>
            )}
            <CertificateSettingsCard
              key={JSON.stringify(d.settings)}
              d={d}
              onSaved={() => {
                setNotice(t('certificates.settings.saved'));
                refresh();
              }}
            />
            <Paper withBorder p="md" component="section" aria-labelledby="certificate-issue">
              <Title order={2} size="h3" id="certificate-issue" mb="sm">
                {t('certificates.issue.title')}
              </Title>
              <Stack gap="sm">
                <Text size="sm">
                  {d.pending > 0
                    ? t('certificates.issue.pending', { count: d.pending })
                    : t('certificates.issue.nothing')}
                </Text>
                {d.pending > 0 && !d.settings.signerName && (
                  <AdminNotice tone="warning">{t('certificates.issue.needSigner')}</AdminNotice>
                )}
                {issue.error && !confirming && (
                  <AdminNotice tone="danger" role="alert">
                    {apiErrorMessages(issue.error, lang).general}
                  </AdminNotice>
                )}
                <Group>
                  <Button
                    leftSection={<IconCertificate size={16} aria-hidden />}
                    disabled={!d.abilities.issue}
                    onClick={() => {
                      issue.reset();
                      setConfirming(true);
                    }}
                  >
                    {t('certificates.issue.button')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="certificate-list">
              <Title order={2} size="h3" id="certificate-list" mb="xs">
                {t('certificates.list.title')}
              </Title>
              <Group justify="space-between" mb="sm" gap="xs">
                <Text size="sm" data-testid="certificate-counts">
                  {t('certificates.counts', d.counts)}
                </Text>
                {d.abilities.downloadAll && d.counts.ready === d.counts.all && (
                  <DownloadButton
                    href={`/api/competitions/${d.competition.id}/certificates/zip`}
                    fallbackName="piagam.zip"
                    size="xs"
                    variant="default"
                  >
                    {t('certificates.list.downloadAll')}
                  </DownloadButton>
                )}
              </Group>
              {d.counts.ready < d.counts.all && (
                <AdminNotice tone="info" mb="sm">
                  {t('certificates.making', d.counts)}
                </AdminNotice>
              )}
              {d.rows.length === 0 ? (
                <Text c="dark.6">{t('certificates.list.empty')}</Text>
              ) : (
                <AdminDataTable
                  rows={d.rows}
                  rowKey={(r) => r.id}
                  minWidth={900}
                  columns={[
                    {
                      header: t('certificates.list.number'),
                      cell: (r) => (
                        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                          {r.number}
                        </Text>
                      ),
                    },
                    {
                      header: t('certificates.list.recipient'),
                      primary: true,
                      cell: (r) => (
                        <Stack gap={0}>
                          <Text size="sm" fw={600}>
                            {r.innovationTitle}
                          </Text>
                          <Text size="xs" c="dark.6">
                            {r.proposalCode} · {r.unitName} · {r.institutionName}
                          </Text>
                        </Stack>
                      ),
                    },
                    {
                      header: t('certificates.list.award'),
                      cell: (r) => <Text size="sm">{pick(r.awardLabel)}</Text>,
                    },
                    {
                      header: t('certificates.list.status'),
                      cell: (r) => (
                        <Stack gap={4} align="flex-start">
                          <CertificateStatus r={r} />
                          {r.revokedAt && r.revokedReason && (
                            <Text size="xs" c="dark.6" data-testid="revoked-reason">
                              {t('certificates.list.revokedReason')} {r.revokedReason}
                            </Text>
                          )}
                        </Stack>
                      ),
                      style: { minWidth: 160 },
                    },
                    {
                      header: t('certificates.list.actions'),
                      cell: (r) => (
                        <Group gap="xs" wrap="wrap">
                          <DownloadButton
                            href={`/api/certificates/${r.id}/pdf`}
                            fallbackName={`piagam-${r.id}.pdf`}
                            size="xs"
                            variant="default"
                            aria-label={`${t('certificates.list.download')} ${r.number}`}
                          >
                            {t('certificates.list.download')}
                          </DownloadButton>
                          <Anchor href={r.verificationUrl} size="sm" target="_blank" rel="noopener">
                            {t('certificates.list.verify')}
                          </Anchor>
                          {d.abilities.revoke && !r.revokedAt && (
                            <Button
                              size="xs"
                              variant="outline"
                              color="red.9"
                              onClick={() => {
                                revoke.reset();
                                setRevoking(r);
                              }}
                              aria-label={`${t('certificates.list.revoke')} ${r.number}`}
                            >
                              {t('certificates.list.revoke')}
                            </Button>
                          )}
                        </Group>
                      ),
                    },
                  ]}
                />
              )}
            </Paper>
            {confirming && (
              <AdminConfirmDialog
                title={t('certificates.issue.confirmTitle', { count: d.pending })}
                confirmLabel={t('certificates.issue.confirm')}
                pending={issue.isPending}
                error={issue.error ? apiErrorMessages(issue.error, lang).general : null}
                onConfirm={() => issue.mutate()}
                onClose={() => setConfirming(false)}
              >
                <Text size="sm">
                  {t('certificates.issue.confirmNumbers', { next: d.settings.nextNumber })}
                </Text>
                <Text size="sm">{t('certificates.issue.confirmNotify')}</Text>
              </AdminConfirmDialog>
            )}
            {revoking && (
              <AdminConfirmDialog
                title={t('certificates.revoke.title', { number: revoking.number })}
                confirmLabel={t('certificates.revoke.confirm')}
                danger
                pending={revoke.isPending}
                error={revokeErr && !revokeErr.fields.reason ? revokeErr.general : null}
                onConfirm={() => revoke.mutate(revoking)}
                onClose={() => setRevoking(null)}
              >
                <Text size="sm">{t('certificates.revoke.body')}</Text>
                <Textarea
                  label={t('certificates.revoke.reason')}
                  required
                  autosize
                  minRows={2}
                  maxLength={1000}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={revokeErr?.fields.reason}
                />
                <Text size="sm" fw={700}>
                  {t('certificates.revoke.irreversible')}
                </Text>
              </AdminConfirmDialog>
            )}
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
