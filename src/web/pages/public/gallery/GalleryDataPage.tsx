import { Link, useSearchParams } from 'react-router';
import { Anchor, Box, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconArrowLeft, IconDownload } from '@tabler/icons-react';
import { AdminPage } from '../../../components/AdminPage.js';
import { useLang } from '../../../i18n/index.js';
import { GalleryFilters } from './GalleryFilters.js';
import { filterQuery, withParam } from './galleryParams.js';
import { OPEN_DATA_FIELDS } from './openDataFields.js';

/**
 * /galeri/data: the gallery's open data (issue 14 point 6) — what the CSV and JSON downloads hold, field
 * by field, and the two downloads with the gallery's filters (kept in the address).
 */
export function GalleryDataPage() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const [params, setParams] = useSearchParams();
  const query = filterQuery(params);
  const href = (format: 'csv' | 'json') => `/api/public/gallery/data.${format}${query ? `?${query}` : ''}`;
  return (
    <AdminPage>
      <Anchor component={Link} to="/galeri" fw={600}>
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('galleryData.backToGallery')}
        </Group>
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>{t('galleryData.data.title')}</Title>
        <Text>{t('galleryData.data.intro')}</Text>
      </Stack>
      <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="open-data-download">
        <Stack gap="sm">
          <Title order={2} size="h3" id="open-data-download">
            {t('galleryData.data.downloadCsv')} / {t('galleryData.data.downloadJson')}
          </Title>
          <Text size="sm">{t('galleryData.data.filtersHint')}</Text>
          <GalleryFilters
            value={(k) => params.get(k) ?? ''}
            onChange={(k, v) => setParams(withParam(params, k, v))}
          />
          <Group>
            <Button
              component="a"
              href={href('csv')}
              download
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('galleryData.data.downloadCsv')}
            </Button>
            <Button
              component="a"
              href={href('json')}
              download
              variant="outline"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('galleryData.data.downloadJson')}
            </Button>
          </Group>
          <Text size="sm">{t('galleryData.data.csvNote')}</Text>
          <Text size="sm">{t('galleryData.data.jsonNote')}</Text>
        </Stack>
      </Paper>
      <Stack gap="xs" component="section" aria-labelledby="open-data-fields">
        <Title order={2} size="h3" id="open-data-fields">
          {t('galleryData.data.fieldsTitle')}
        </Title>
        <Box
          visibleFrom="sm"
          tabIndex={0}
          role="region"
          aria-label={t('galleryData.data.fieldsTable')}
          style={{ overflowX: 'auto' }}
        >
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('galleryData.data.column.field')}</Table.Th>
                <Table.Th scope="col">{t('galleryData.data.column.type')}</Table.Th>
                <Table.Th scope="col">{t('galleryData.data.column.meaning')}</Table.Th>
                <Table.Th scope="col">{t('galleryData.data.column.example')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {OPEN_DATA_FIELDS.map((f) => (
                <Table.Tr key={f.field}>
                  <Table.Th scope="row">
                    <Code>{f.field}</Code>
                  </Table.Th>
                  <Table.Td>{f.type}</Table.Td>
                  <Table.Td>{pick(f.meaning)}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{f.example}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
        {/* On a phone: one block per field, read top to bottom instead of a wide table. */}
        <Stack hiddenFrom="sm" gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {OPEN_DATA_FIELDS.map((f) => (
            <Paper key={f.field} component="li" withBorder p="xs" radius="sm">
              <Code fw={700}>{f.field}</Code>
              <Text size="sm" mt={4}>
                {pick(f.meaning)}
              </Text>
              <Text size="sm">
                {t('galleryData.data.column.type')}: {f.type}
              </Text>
              <Text size="sm" style={{ wordBreak: 'break-word' }}>
                {t('galleryData.data.column.example')}: {f.example}
              </Text>
            </Paper>
          ))}
        </Stack>
        <Text size="sm">{t('galleryData.data.docsNote')}</Text>
      </Stack>
    </AdminPage>
  );
}
