import type { ReactNode } from 'react';
import { Box, Group, Paper, Stack, Table, Text } from '@mantine/core';

export interface AdminColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** On phones this column heads the card instead of being a labelled line. */
  primary?: boolean;
  /** On phones the cell stands alone without its header (actions). */
  bare?: boolean;
  /** Table cell style (width, wrapping) on wider screens. */
  style?: React.CSSProperties;
}

/**
 * A table on tablets and desktops; on phones every row becomes a card of "header: value" lines, so no
 * column (and no action button) is ever off-screen.
 */
export function AdminDataTable<T>({
  rows,
  columns,
  rowKey,
  minWidth = 720,
  caption,
  dim = false,
  verticalSpacing = 'sm',
}: {
  rows: T[];
  columns: AdminColumn<T>[];
  rowKey: (row: T) => string | number;
  minWidth?: number;
  caption?: string;
  /** Shown while a newer page loads. */
  dim?: boolean;
  verticalSpacing?: 'xs' | 'sm' | 'md';
}) {
  const primary = columns.find((c) => c.primary);
  return (
    <Box style={{ opacity: dim ? 0.6 : 1 }}>
      <Table.ScrollContainer minWidth={minWidth} visibleFrom="sm">
        <Table striped highlightOnHover verticalSpacing={verticalSpacing}>
          {caption && <Table.Caption>{caption}</Table.Caption>}
          <Table.Thead>
            <Table.Tr>
              {columns.map((c, i) => (
                <Table.Th key={i}>{c.header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={rowKey(r)} style={{ verticalAlign: 'top' }}>
                {columns.map((c, i) => (
                  <Table.Td key={i} style={c.style}>
                    {c.cell(r)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {caption && (
        <Text size="xs" c="dark.6" hiddenFrom="sm" mb="xs">
          {caption}
        </Text>
      )}
      <Stack hiddenFrom="sm" gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((r) => (
          <Paper key={rowKey(r)} withBorder p="sm" component="li">
            <Stack gap={6}>
              {primary && <div>{primary.cell(r)}</div>}
              {columns
                .filter((c) => c !== primary)
                .map((c, i) =>
                  c.bare ? (
                    <div key={i}>{c.cell(r)}</div>
                  ) : (
                    <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
                      <Text size="xs" fw={700} c="dark.6" w={110} style={{ flexShrink: 0 }}>
                        {c.header}
                      </Text>
                      <Box style={{ minWidth: 0, flex: 1, fontSize: 'var(--mantine-font-size-sm)' }}>
                        {c.cell(r)}
                      </Box>
                    </Group>
                  ),
                )}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Box>
  );
}
