import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconAlertTriangle, IconCheck, IconLoader2 } from '@tabler/icons-react';
import { countWords } from '../../../domain/proposal-rules.js';
import type { ProposalStateName } from '../../../contracts/proposals.js';
import { useLang } from '../../i18n/index.js';
import type { SaveStatus } from './useAutosave.js';

/** The light orange alert's default title colour is below AA contrast on its background. */
export const ORANGE_TITLE = { title: { color: 'var(--mantine-color-dark-7)' } };

const STATE_COLORS: Record<ProposalStateName, string> = {
  draft: 'gray.7',
  sent_to_local_admin: 'blue.8',
  returned: 'red.9',
  forwarded: 'teal.9',
  withdrawn: 'dark.4',
  received: 'cyan.9',
  frozen: 'violet.9',
  incomplete: 'orange.9',
  // green.9 with white text is 4.4:1, under AA (axe, on the admin lokal's proposal after publication).
  passed_admin: '#1b5e20',
  disqualified: 'red.9',
  finalist: 'indigo.9',
};

/** A proposal's state as the API names it, in a colour that keeps AA contrast with white text. */
export function ProposalStateBadge({
  state,
  label,
}: {
  state: ProposalStateName;
  label: { id: string; en: string };
}) {
  const { pick } = useLang();
  return (
    // Long state names wrap instead of being cut off ("Diteruskan ke penyel…").
    <Badge
      color={STATE_COLORS[state]}
      variant="filled"
      radius="sm"
      h="auto"
      py={2}
      styles={{
        root: { textTransform: 'none', maxWidth: '100%' },
        label: { whiteSpace: 'normal', overflow: 'visible' },
      }}
    >
      {pick(label)}
    </Badge>
  );
}

/** "143/600 kata", red (and said so) once over the limit; counted as the server counts. */
export function WordCount({ text, limit, id }: { text: string; limit: number | null; id: string }) {
  const { t } = useTranslation();
  const count = countWords(text);
  const over = limit !== null && count > limit;
  return (
    <Text id={id} size="sm" c={over ? 'red.9' : 'gray.7'} fw={over ? 700 : 400} aria-live="polite">
      {limit !== null
        ? t('proposals.editor.words', { count, limit })
        : t('proposals.editor.wordsNoLimit', { count })}
      {over && ` — ${t('proposals.editor.overLimit')}`}
    </Text>
  );
}

/** Local wall-clock hour of a save: "14.32" in Indonesian, "14:32" in English. */
export function clockTime(iso: string, lang: 'id' | 'en') {
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** "Tersimpan 14.32" / "Menyimpan…" next to the editor's title, announced politely to screen readers. */
export function SaveIndicator({
  status,
  savedAt,
  refused = 0,
}: {
  status: SaveStatus;
  savedAt: string | null;
  /** Fields the server refused: the save is then partial, and said so in red. */
  refused?: number;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  let body: React.ReactNode = null;
  if (status === 'saving')
    body = (
      <>
        <IconLoader2 size={16} aria-hidden /> {t('proposals.editor.saving')}
      </>
    );
  else if (status === 'pending') body = t('proposals.editor.unsaved');
  else if (status === 'offline' || status === 'conflict' || status === 'error')
    body = (
      <>
        <IconAlertTriangle size={16} aria-hidden /> {t('proposals.editor.unsaved')}
      </>
    );
  else if (savedAt && refused > 0)
    body = (
      <>
        <IconAlertTriangle size={16} aria-hidden />{' '}
        {t('proposals.editor.savedPartly', { time: clockTime(savedAt, lang), count: refused })}
      </>
    );
  else if (savedAt)
    body = (
      <>
        <IconCheck size={16} aria-hidden /> {t('proposals.editor.saved', { time: clockTime(savedAt, lang) })}
      </>
    );
  else if (refused > 0)
    body = (
      <>
        <IconAlertTriangle size={16} aria-hidden /> {t('proposals.editor.refusedCount', { count: refused })}
      </>
    );
  const red =
    status === 'offline' ||
    status === 'conflict' ||
    (refused > 0 && status !== 'saving' && status !== 'pending');
  return (
    <Group gap={4} role="status" aria-live="polite" mih={24}>
      <Text size="sm" c={red ? 'red.9' : 'gray.7'} fw={red ? 600 : 400} span>
        {body}
      </Text>
    </Group>
  );
}
