import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Light background with dark text so every status reads at AA contrast. */
const TONES: Record<string, { bg: string; fg: string }> = {
  draft: { bg: '#f1f3f5', fg: '#343a40' },
  published: { bg: '#e6f4ea', fg: '#1b5e20' },
  archived: { bg: '#f1f3f5', fg: '#495057' },
  pending: { bg: '#fff4d6', fg: '#6b4200' },
  sending: { bg: '#e8f1fa', fg: '#0c3a63' },
  sent: { bg: '#e6f4ea', fg: '#1b5e20' },
  failed: { bg: '#fdecec', fg: '#9b1c1c' },
  approved: { bg: '#e6f4ea', fg: '#1b5e20' },
  incomplete: { bg: '#fff4d6', fg: '#6b4200' },
  rejected: { bg: '#fdecec', fg: '#9b1c1c' },
  active: { bg: '#e6f4ea', fg: '#1b5e20' },
  invited: { bg: '#fff4d6', fg: '#6b4200' },
  inactive: { bg: '#f1f3f5', fg: '#495057' },
  // A selection step (the selection hub).
  not_open: { bg: '#f1f3f5', fg: '#343a40' },
  open: { bg: '#e8f1fa', fg: '#0c3a63' },
  closed: { bg: '#fff4d6', fg: '#6b4200' },
  decided: { bg: '#efe9fb', fg: '#4a2a8a' },
};

/**
 * A status word (competition, request, message, account, selection step) as a coloured badge in the
 * reader's language; `label` when the word is not one of `secretariat.status`.
 */
export function AdminStatusBadge({ status, label }: { status: string; label?: string }) {
  const { t } = useTranslation();
  const tone = TONES[status] ?? TONES.draft;
  return (
    <Badge
      variant="light"
      radius="sm"
      styles={{
        root: { background: tone.bg, color: tone.fg, textTransform: 'none', fontWeight: 700, flexShrink: 0 },
        label: { overflow: 'visible' },
      }}
    >
      {label ?? t(`secretariat.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
