import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "1–20 of 134" and page buttons; hidden buttons when everything fits on one page. */
export function AdminPager({
  total,
  page,
  pageSize,
  onChange,
}: {
  total: number;
  page: number;
  pageSize: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="sm" mt="sm">
      <Text size="sm" c="dark.6" aria-live="polite">
        {t('secretariat.pager.range', { from, to, total })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onChange}
          size="sm"
          siblings={1}
          getControlProps={(control) => ({ 'aria-label': t(`secretariat.pager.${control}`) })}
          getItemProps={(p) => ({ 'aria-label': t('secretariat.pager.page', { page: p }) })}
        />
      )}
    </Group>
  );
}
