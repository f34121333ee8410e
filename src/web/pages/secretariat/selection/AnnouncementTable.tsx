import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AnnouncementEntry } from '../../../../contracts/announcements.js';
import { AdminDataTable } from '../../../components/AdminDataTable.js';
import { useLang } from '../../../i18n/index.js';

/**
 * A published (or previewed) list: number, code, title, institution, group; cards on phones. With
 * `objectionHref` (the provisional finalists during the uji publik) each line links to the objection form.
 */
export function AnnouncementTable({
  rows,
  offset,
  objectionHref,
}: {
  rows: AnnouncementEntry[];
  offset: number;
  objectionHref?: (proposalId: number) => string;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const numbered = rows.map((r, i) => ({ ...r, no: offset + i + 1 }));
  return (
    <AdminDataTable
      rows={numbered}
      rowKey={(r) => r.code}
      minWidth={640}
      columns={[
        { header: t('publication.col.no'), cell: (r) => <Text size="sm">{r.no}</Text>, style: { width: 56 } },
        {
          header: t('publication.col.code'),
          cell: (r) => (
            <Text size="sm" ff="monospace">
              {r.code}
            </Text>
          ),
          style: { width: 170 },
        },
        {
          header: t('publication.col.title'),
          primary: true,
          cell: (r) => (
            <Text size="sm" fw={600}>
              {r.title}
            </Text>
          ),
        },
        { header: t('publication.col.institution'), cell: (r) => <Text size="sm">{r.institution}</Text> },
        { header: t('publication.col.group'), cell: (r) => <Text size="sm">{pick(r.group)}</Text> },
        ...(objectionHref
          ? [
              {
                header: t('finalists.public.objectionCol'),
                cell: (r: (typeof numbered)[number]) =>
                  r.proposalId !== undefined ? (
                    <Anchor component={Link} to={objectionHref(r.proposalId)} size="sm">
                      {t('finalists.public.object', { code: r.code })}
                    </Anchor>
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}
