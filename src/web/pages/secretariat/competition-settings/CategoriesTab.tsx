import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconPlus } from '@tabler/icons-react';
import { type Form, uid, quoted } from './values.js';
import { PathError, MoveButtons } from './pieces.js';

export function CategoriesTab({ form }: { form: Form }) {
  const { t } = useTranslation();
  const items = form.values.categories;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dark.6">
        {t('secretariat.settings.categoriesIntro')}
      </Text>
      <PathError form={form} path="categories" />
      {items.map((c, i) => (
        <Paper key={c.uid} withBorder p="sm">
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Text fw={600} size="sm">
              {t('secretariat.settings.path.categories', { n: i + 1, name: quoted(c.nameId) })}
            </Text>
            <MoveButtons
              index={i}
              count={items.length}
              label={c.nameId || c.key || String(i + 1)}
              onMove={(from, to) => form.reorderListItem('categories', { from, to })}
              onRemove={() => form.removeListItem('categories', i)}
            />
          </Group>
          <PathError form={form} path={`categories.${i}`} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('secretariat.settings.fields.key')}
              description={t('secretariat.settings.keyHint')}
              required
              {...form.getInputProps(`categories.${i}.key`)}
            />
            <TextInput
              label={t('secretariat.settings.fields.nameId')}
              required
              {...form.getInputProps(`categories.${i}.nameId`)}
            />
            <TextInput
              label={t('secretariat.settings.fields.nameEn')}
              required
              {...form.getInputProps(`categories.${i}.nameEn`)}
            />
          </SimpleGrid>
        </Paper>
      ))}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() =>
            form.insertListItem('categories', {
              uid: uid(),
              key: `kategori_${items.length + 1}`,
              nameId: '',
              nameEn: '',
            })
          }
        >
          {t('secretariat.settings.addCategory')}
        </Button>
      </Group>
    </Stack>
  );
}
