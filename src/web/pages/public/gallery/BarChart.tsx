import { useId } from 'react';
import { Anchor, Box, Stack, Table, Text, Title } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export interface Bar {
  key: string;
  label: string;
  count: number;
  /** The gallery filtered to this bar's entries (or the innovation's page). */
  to?: string;
  /** The link's text when it is not "See N innovations". */
  linkLabel?: string;
}

const ROW = 44;
const LABEL_Y = 15;
const BAR_Y = 21;
const BAR_H = 16;
/** Bars and text dark enough on white: the bar 7.0:1 (graphics need 3:1), the text 12.6:1. */
const BAR_FILL = '#1864ab';
const INK = '#212529';

/**
 * A hand-written horizontal bar chart (no chart library: the web budget) that reads at any width: each
 * row is its label on one line and its bar with the count beneath, drawn at the element's own width so
 * the text is never scaled down on a phone. The SVG is one image with a spoken summary; the numbers are
 * in a data table behind a keyboard-operable toggle (details/summary), with links to the gallery.
 */
export function BarChart({
  title,
  bars,
  of,
  note,
  level = 2,
  counting = 'innovations',
  openColumn,
}: {
  title: string;
  bars: Bar[];
  /** The entries the shares are of (the filtered total); no share column without it. */
  of?: number;
  note?: string;
  /** The title's heading level (3 inside a section of charts). */
  level?: 2 | 3;
  /** What the bars count: innovations, or replications (the spoken summary and the count column). */
  counting?: 'innovations' | 'replications';
  /** The link column's heading when it is not "In the gallery". */
  openColumn?: string;
}) {
  const { t, i18n } = useTranslation();
  const { ref, width } = useElementSize();
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.count));
  const top = bars.reduce<Bar | null>((best, b) => (!best || b.count > best.count ? b : best), null);
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID');
  const w = Math.max(200, Math.floor(width));
  const valueRoom = 64;
  const links = bars.some((b) => b.to);
  /** A label longer than the width (a long innovation title on a phone) is cut with "…"; the table has it whole. */
  const fit = (label: string) => {
    const room = Math.floor(w / 7.5);
    return label.length > room ? `${label.slice(0, room - 1).trimEnd()}…` : label;
  };
  const counted = counting === 'replications' ? 'galleryData.stats.replication' : 'galleryData.stats';
  return (
    <Stack gap="xs" component="section" aria-labelledby={`${id}-title`}>
      <Title order={level} size={level === 2 ? 'h3' : 'h4'} id={`${id}-title`}>
        {title}
      </Title>
      {bars.length === 0 ? (
        <Text>{t(`${counted}.empty`)}</Text>
      ) : (
        <div ref={ref} style={{ width: '100%' }}>
          {width > 0 && (
            <svg
              role="img"
              aria-label={t(`${counted}.chartLabel`, {
                title,
                top: top?.label ?? '',
                count: top?.count ?? 0,
              })}
              width={w}
              height={bars.length * ROW}
              viewBox={`0 0 ${w} ${bars.length * ROW}`}
              style={{ display: 'block' }}
            >
              {bars.map((b, i) => {
                const barW = Math.max(2, ((w - valueRoom) * b.count) / max);
                return (
                  <g key={b.key} transform={`translate(0 ${i * ROW})`}>
                    <text x={0} y={LABEL_Y} fontSize={14} fill={INK}>
                      {fit(b.label)}
                    </text>
                    <rect x={0} y={BAR_Y} width={barW} height={BAR_H} rx={2} fill={BAR_FILL} />
                    <text x={barW + 6} y={BAR_Y + 13} fontSize={13} fill={INK} fontWeight={600}>
                      {number(b.count)}
                    </text>
                  </g>
                );
              })}
            </svg>
          )}
        </div>
      )}
      {note && <Text size="sm">{note}</Text>}
      {bars.length > 0 && (
        <details>
          <Text component="summary" fw={600} style={{ cursor: 'pointer' }} py={4}>
            {t('galleryData.stats.showTable')}
          </Text>
          <Box
            tabIndex={0}
            role="region"
            aria-label={t('galleryData.stats.tableLabel', { title })}
            style={{ overflowX: 'auto' }}
          >
            <Table striped withTableBorder mt="xs">
              <Table.Caption>{title}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('galleryData.stats.column.label')}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    {t(`${counted}.column.count`)}
                  </Table.Th>
                  {of !== undefined && (
                    <Table.Th scope="col" style={{ textAlign: 'right' }}>
                      {t('galleryData.stats.column.share')}
                    </Table.Th>
                  )}
                  {links && (
                    <Table.Th scope="col">{openColumn ?? t('galleryData.stats.column.open')}</Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {bars.map((b) => (
                  <Table.Tr key={b.key}>
                    <Table.Th scope="row" fw={400}>
                      {b.label}
                    </Table.Th>
                    <Table.Td style={{ textAlign: 'right' }}>{number(b.count)}</Table.Td>
                    {of !== undefined && (
                      <Table.Td style={{ textAlign: 'right' }}>
                        {of ? `${((100 * b.count) / of).toFixed(1)}%` : '–'}
                      </Table.Td>
                    )}
                    {links && (
                      <Table.Td>
                        {b.to && (
                          <Anchor component={Link} to={b.to}>
                            {b.linkLabel ?? t('galleryData.stats.openInGallery', { count: b.count })}
                          </Anchor>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        </details>
      )}
    </Stack>
  );
}
