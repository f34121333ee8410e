import type { ReactNode } from 'react';
import { Badge, Group, List, Text, ThemeIcon } from '@mantine/core';
import { IconCalendarTime, IconLock, IconUsers, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n/index.js';

export type { CompetitionDetail, CompetitionSummary } from '../../contracts/competitions.js';

export interface PublicCategory {
  key: string;
  nameId: string;
  nameEn: string;
}

/** A group's participation rules, as both the list and the detail carry them. */
export interface PublicGroupRules {
  minImplementationMonths: number;
  quotaPerInstitution: number | null;
  invitationOnly: boolean;
}

/** The submission deadline: the API's value, else the close of the submission stage. */
export function submissionDeadline(c: {
  submissionClosesAt: string | null;
  stages: { kind: string; closesAt: string | null }[];
}): string | null {
  return c.submissionClosesAt ?? c.stages.find((s) => s.kind === 'submission')?.closesAt ?? null;
}

export function CategoryBadges({ categories }: { categories: PublicCategory[] }) {
  const { pick } = useLang();
  return (
    <Group gap={6} wrap="wrap">
      {categories.map((c) => (
        <Badge
          key={c.key}
          variant="light"
          color="sinovik"
          c="sinovik.9"
          radius="sm"
          style={{ textTransform: 'none' }}
          fw={600}
        >
          {pick({ id: c.nameId, en: c.nameEn })}
        </Badge>
      ))}
    </Group>
  );
}

/** What a group asks of a proposal: age of the innovation, quota per institution, invitation. */
export function GroupRules({ group }: { group: PublicGroupRules }) {
  const { t } = useTranslation();
  const item = (icon: ReactNode, text: string) => (
    <List.Item
      icon={
        <ThemeIcon size={20} radius="xl" variant="light" color="sinovik" aria-hidden>
          {icon}
        </ThemeIcon>
      }
    >
      <Text size="sm">{text}</Text>
    </List.Item>
  );
  return (
    <List spacing={4} center>
      {item(
        <IconCalendarTime size={13} />,
        group.minImplementationMonths > 0
          ? t('public.competition.minMonths', { n: group.minImplementationMonths })
          : t('public.competition.noMinMonths'),
      )}
      {item(
        <IconUsers size={13} />,
        group.quotaPerInstitution != null
          ? t('public.competition.quota', { n: group.quotaPerInstitution })
          : t('public.competition.noQuota'),
      )}
      {group.invitationOnly
        ? item(<IconLock size={13} />, t('public.competition.invitationOnly'))
        : item(<IconWorld size={13} />, t('public.competition.openToAll'))}
    </List>
  );
}
