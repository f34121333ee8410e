import { useParams, useSearchParams } from 'react-router';
import { Alert, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconCircleCheck, IconAlertTriangle, IconBan } from '@tabler/icons-react';
import type { VerificationResponse } from '../../../contracts/certificates.js';
import { api } from '../../api/client.js';
import { formatAt } from '../../components/AdminTime.js';
import { useLang } from '../../i18n/index.js';
import '../../components/PublicPages.css';

const LOOK = {
  genuine: { color: 'teal.9', icon: IconCircleCheck, key: 'genuine' },
  revoked: { color: 'red.9', icon: IconBan, key: 'revoked' },
  not_valid: { color: 'red.9', icon: IconAlertTriangle, key: 'notValid' },
} as const;

/**
 * /verifikasi/piagam/:slug?k=…: the address printed under a certificate's QR code (public, no account).
 * The verdict in both languages, and for a genuine (or revoked) certificate what the registry says, to
 * compare with the paper line by line.
 */
export function VerifyCertificatePage() {
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const code = params.get('k') ?? '';
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const q = useQuery({
    queryKey: ['verify-certificate', slug, code],
    queryFn: () =>
      api<VerificationResponse>(
        'GET',
        `/public/certificates/${encodeURIComponent(slug)}?k=${encodeURIComponent(code)}`,
      ),
    retry: false,
  });
  const v = q.data;
  const look = v ? LOOK[v.verdict] : null;
  const k = v?.certificate;
  const row = (label: string, value: string) => (
    <div>
      <Text size="sm" c="dark.6">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
  return (
    <Container size="sm" py="lg">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('certificates.verify.title')}
        </Title>
        {q.isLoading && <Text>{t('certificates.verify.checking')}</Text>}
        {q.error && (
          <Alert color="red.9" variant="light" role="alert">
            {t('certificates.verify.error')}
          </Alert>
        )}
        {v && look && (
          <Paper
            withBorder
            p={{ base: 'md', sm: 'lg' }}
            radius="md"
            data-testid="certificate-verdict"
            data-verdict={v.verdict}
          >
            <Stack gap="md">
              <Alert
                color={look.color}
                variant="filled"
                icon={<look.icon size={28} aria-hidden />}
                title={<span style={{ fontSize: '1.25rem' }}>{t(`certificates.verify.${look.key}`)}</span>}
                role="status"
              >
                {t(`certificates.verify.${look.key}Sub`)}
              </Alert>
              {v.verdict === 'not_valid' && <Text>{t('certificates.verify.notValidHelp')}</Text>}
              {k && (
                <>
                  {k.revokedAt && (
                    <Text fw={700} c="red.9">
                      {t('certificates.verify.revokedAt', { at: formatAt(k.revokedAt, k.timeZone, lang) })}
                    </Text>
                  )}
                  <Text size="sm">{t('certificates.verify.compare')}</Text>
                  <Stack gap="sm">
                    {row(t('certificates.verify.number'), k.number)}
                    {row(t('certificates.verify.innovation'), k.innovationTitle)}
                    {row(t('certificates.verify.unit'), k.unitName)}
                    {row(t('certificates.verify.institution'), k.institutionName)}
                    {row(t('certificates.verify.award'), pick(k.awardLabel))}
                    {row(
                      t('certificates.verify.competition'),
                      k.competitionName.includes(String(k.year))
                        ? k.competitionName
                        : `${k.competitionName} (${k.year})`,
                    )}
                    {row(t('certificates.verify.issuedAt'), formatAt(k.issuedAt, k.timeZone, lang))}
                    {row(t('certificates.verify.signer'), `${k.signerName} — ${k.signerPosition}`)}
                  </Stack>
                </>
              )}
            </Stack>
          </Paper>
        )}
      </Stack>
    </Container>
  );
}
