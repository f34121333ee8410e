import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CertificateView } from '../../../contracts/certificates.js';
import { api } from '../../api/client.js';
import { AdminPage } from '../../components/AdminPage.js';
import { AdminQueryState } from '../../components/AdminQueryState.js';
import { formatAt } from '../../components/AdminTime.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { useLang } from '../../i18n/index.js';
import { CertificateStatus } from '../secretariat/certificates/CertificatesPage.js';

/** The certificates are dated in the organizer's zone; KIPP's is Jakarta (WIB). */
const ZONE = 'Asia/Jakarta';

/**
 * /piagam: the admin lokal's certificates of its institution's innovations, the UPP's of its unit's, as
 * cards that read on a phone: the number, the award, the innovation, the PDF and the verification address.
 */
export function MyCertificatesPage() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const view = useQuery({
    queryKey: ['certificates', 'mine'],
    queryFn: () => api<{ rows: CertificateView[] }>('GET', '/certificates'),
  });
  return (
    <AdminPage>
      <div>
        <Title order={1}>{t('certificates.mine.title')}</Title>
        <Text c="dark.6">{t('certificates.mine.intro')}</Text>
      </div>
      <AdminQueryState isLoading={view.isLoading} error={view.error} onRetry={() => view.refetch()}>
        {view.data && view.data.rows.length === 0 && <Text c="dark.6">{t('certificates.mine.empty')}</Text>}
        <Stack gap="sm">
          {view.data?.rows.map((r) => (
            <Paper key={r.id} withBorder p="md" component="article" aria-labelledby={`certificate-${r.id}`}>
              <Stack gap={6}>
                <Group justify="space-between" gap="xs">
                  <Text fw={700} id={`certificate-${r.id}`}>
                    {r.number}
                  </Text>
                  <CertificateStatus r={r} />
                </Group>
                <Text size="sm" fw={600}>
                  {pick(r.awardLabel)} · {r.competitionName}
                </Text>
                <Text size="sm">{r.innovationTitle}</Text>
                <Text size="xs" c="dark.6">
                  {r.unitName} · {r.institutionName} ·{' '}
                  {t('certificates.mine.issuedAt', { at: formatAt(r.issuedAt, ZONE, lang) })}
                </Text>
                <Group gap="sm" mt={4}>
                  {!r.revokedAt && (
                    <DownloadButton
                      href={`/api/certificates/${r.id}/pdf`}
                      fallbackName={`piagam-${r.id}.pdf`}
                      size="sm"
                      aria-label={`${t('certificates.list.download')} ${r.number}`}
                    >
                      {t('certificates.list.download')}
                    </DownloadButton>
                  )}
                  <Anchor href={r.verificationUrl} size="sm" target="_blank" rel="noopener">
                    {t('certificates.list.verify')}
                  </Anchor>
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      </AdminQueryState>
    </AdminPage>
  );
}
