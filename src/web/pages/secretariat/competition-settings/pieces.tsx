import { type ReactNode } from 'react';
import { ActionIcon, Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { type GroupValues, type Form, weightTotal } from './values.js';

export function PathError({ form, path }: { form: Form; path: string }) {
  const e = form.errors[path];
  if (!e) return null;
  return (
    <Text size="sm" c="red.9" role="alert">
      {e}
    </Text>
  );
}

export function WeightTotal({ group }: { group: GroupValues }) {
  const { t } = useTranslation();
  const total = weightTotal(group);
  const ok = total === 100;
  return (
    <Text size="sm" fw={700} c={ok ? '#1b5e20' : 'red.9'} component="span">
      {t('secretariat.settings.weightTotal', { total })}
      {!ok && ` ${t('secretariat.settings.weightMustBe100')}`}
    </Text>
  );
}

export function MoveButtons({
  index,
  count,
  label,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  label: string;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={t('secretariat.settings.moveUp')}>
        <ActionIcon
          variant="default"
          disabled={index === 0}
          onClick={() => onMove(index, index - 1)}
          aria-label={`${t('secretariat.settings.moveUp')}: ${label}`}
        >
          <IconArrowUp size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('secretariat.settings.moveDown')}>
        <ActionIcon
          variant="default"
          disabled={index === count - 1}
          onClick={() => onMove(index, index + 1)}
          aria-label={`${t('secretariat.settings.moveDown')}: ${label}`}
        >
          <IconArrowDown size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('secretariat.settings.remove')}>
        <ActionIcon
          variant="default"
          c="red.9"
          onClick={onRemove}
          aria-label={`${t('secretariat.settings.remove')}: ${label}`}
        >
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/* ---------- tabs ---------- */

export function TabLabel({ children, errors }: { children: ReactNode; errors: number }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <span>{children}</span>
      {errors > 0 && (
        <Badge
          size="sm"
          color="red.9"
          variant="filled"
          aria-label={t('secretariat.settings.errorCount', { count: errors })}
        >
          {errors}
        </Badge>
      )}
    </Group>
  );
}
