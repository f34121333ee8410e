import { Alert, Anchor, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { goTo } from './MissingList.js';
import { ORANGE_TITLE, SaveIndicator } from './ProposalBits.js';
import type { SaveStatus } from './useAutosave.js';

/** Sticks below the app's header, so it stays in view wherever the person types (desktop and phone). */
const STICKY = {
  position: 'sticky',
  top: 'var(--app-shell-header-height, 64px)',
  zIndex: 10,
} as const;

/** A field the server refused, as the bar names it: its label, the reason, and the input to go to. */
export interface RefusedItem {
  key: string;
  label: string;
  message: string;
  /** The id of the input, or null when the form has none for it. */
  inputId: string | null;
}

/**
 * The editor's save status in one bar that stays in view while typing: when it was saved, what the server
 * refused (named, each a link to its field, until a save stores it: typing does not hide it), how much is
 * still missing before sending, and the problems that stop saving (offline, conflict, other refusals).
 */
export function SaveStatusBar({
  status,
  savedAt,
  refused,
  missingCount,
  error,
  conflict,
  onRetry,
  onLoadServer,
  onKeepMine,
}: {
  status: SaveStatus;
  savedAt: string | null;
  refused: RefusedItem[];
  /** Items still to fill in before sending (the checklist below); 0 hides the link. */
  missingCount: number;
  /** Why the last save was refused as a whole (not a field), or null. */
  error: string | null;
  conflict: boolean;
  onRetry: () => void;
  onLoadServer: () => void;
  onKeepMine: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder shadow="md" p="xs" style={STICKY} data-testid="save-status">
      <Stack gap="xs">
        <Group gap="sm" justify="space-between" wrap="wrap">
          <SaveIndicator status={status} savedAt={savedAt} refused={refused.length} />
          {missingCount > 0 && (
            <Anchor component="button" type="button" size="sm" c="dark.8" onClick={() => goTo('checklist')}>
              {t('proposals.editor.stillMissing', { count: missingCount })}
            </Anchor>
          )}
        </Group>
        {refused.length > 0 && (
          <Alert role="alert" color="red" p="xs" title={t('proposals.editor.refusedTitle')}>
            <List size="sm" spacing={2}>
              {refused.map((r) => (
                <List.Item key={r.key}>
                  {r.inputId ? (
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      fw={700}
                      c="red.9"
                      underline="always"
                      onClick={() => goTo(r.inputId!)}
                    >
                      {r.label}
                    </Anchor>
                  ) : (
                    <Text span fw={700} size="sm">
                      {r.label}
                    </Text>
                  )}
                  {': '}
                  {r.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {status === 'offline' && (
          <Alert
            role="alert"
            color="orange"
            p="xs"
            title={t('proposals.editor.unsaved')}
            styles={ORANGE_TITLE}
          >
            <Group justify="space-between" gap="sm">
              <Text size="sm">{t('proposals.editor.offline')}</Text>
              <Button size="xs" variant="white" color="dark" onClick={onRetry}>
                {t('proposals.editor.retryNow')}
              </Button>
            </Group>
          </Alert>
        )}
        {conflict && (
          <Alert role="alert" color="red" p="xs" title={t('proposals.editor.conflictTitle')}>
            <Stack gap="sm">
              <Text size="sm">{t('proposals.editor.conflictText')}</Text>
              <Group gap="sm">
                <Button size="xs" variant="default" onClick={onLoadServer}>
                  {t('proposals.editor.loadServer')}
                </Button>
                <Button size="xs" onClick={onKeepMine}>
                  {t('proposals.editor.keepMine')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {status === 'error' && error && (
          <Alert role="alert" color="red" p="xs" title={t('proposals.editor.saveFailed')}>
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
