import { Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PANEL_UNSUR, type TeamListResponse } from '../../../../contracts/review-team.js';

const KINDS = [...PANEL_UNSUR, 'none'] as const;

/** The Tim Panel's filter by unsur, each option with its count (the panel's balance at a glance). */
export function PanelUnsurFilter({
  counts,
  value,
  onChange,
}: {
  counts: TeamListResponse['unsurCounts'] | undefined;
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('reviewTeam.unsur.filter')}
      placeholder={t('reviewTeam.unsur.all')}
      data={KINDS.map((u) => ({
        value: u,
        label: `${t(`reviewTeam.unsur.${u}`)} (${counts?.[u] ?? 0})`,
      }))}
      value={value}
      onChange={onChange}
      clearable
      clearButtonProps={{ 'aria-label': t('secretariat.clear') }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** "Pakar/akademisi 2 · Tokoh masyarakat 1 · …": the counts per unsur in one line. */
export function PanelUnsurCounts({ counts }: { counts: TeamListResponse['unsurCounts'] }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dark.6">
      {KINDS.map((u) => `${t(`reviewTeam.unsur.${u}`)} ${counts[u]}`).join(' · ')}
    </Text>
  );
}
