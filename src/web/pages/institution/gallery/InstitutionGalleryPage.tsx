import { useSearchParams } from 'react-router';
import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { GalleryOwnerResponse } from '../../../../contracts/gallery-owner.js';
import { api } from '../../../api/client.js';
import { AdminNotice, AdminPage } from '../../../components/AdminPage.js';
import { AdminQueryState } from '../../../components/AdminQueryState.js';
import { formatAt } from '../../../components/AdminTime.js';
import { useLang } from '../../../i18n/index.js';
import { OwnerInnovationCard } from './OwnerInnovationCard.js';

export const galleryOwnerKey = (institutionId: string | null) => ['gallery-owner', institutionId] as const;

/**
 * /instansi/galeri (issue 14 points 1 and 4): the admin lokal's innovations for the public gallery — those
 * in it (finalist or consented) and those that could be consented — with consent, contact for
 * replication, public evidence and this year's status. What may be done comes from the API.
 */
export function InstitutionGalleryPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [params] = useSearchParams();
  const institutionId = params.get('instansi');
  const q = useQuery({
    queryKey: galleryOwnerKey(institutionId),
    queryFn: () =>
      api<GalleryOwnerResponse>(
        'GET',
        `/gallery-owner${institutionId ? `?institutionId=${institutionId}` : ''}`,
      ),
  });
  const d = q.data;
  return (
    <AdminPage>
      <Title order={1}>{t('galleryOwner.title')}</Title>
      <AdminQueryState isLoading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {d && (
          <>
            <Text>{t('galleryOwner.intro', { institution: d.institution.name })}</Text>
            <AdminNotice tone="info">
              {t('galleryOwner.promptNotice', {
                year: d.year,
                at: formatAt(d.promptAt, 'Asia/Jakarta', lang),
              })}
            </AdminNotice>
            {d.items.length === 0 ? (
              <Text>{t('galleryOwner.empty')}</Text>
            ) : (
              <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {d.items.map((item) => (
                  <OwnerInnovationCard
                    key={item.proposalId}
                    item={item}
                    year={d.year}
                    queryKey={galleryOwnerKey(institutionId)}
                  />
                ))}
              </Stack>
            )}
          </>
        )}
      </AdminQueryState>
    </AdminPage>
  );
}
