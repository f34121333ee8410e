import type { ReactNode } from 'react';
import { Alert, Stack, type AlertProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import './Admin.css';

/** Class for a subtree (a page, a modal, a drawer) whose secondary text must keep AA contrast. */
export const ADMIN_SCOPE = 'admin-scope';

/** The root of an admin screen. */
export function AdminPage({ children, gap = 'md' }: { children: ReactNode; gap?: 'sm' | 'md' | 'lg' }) {
  return (
    <Stack gap={gap} className={ADMIN_SCOPE}>
      {children}
    </Stack>
  );
}

/** Title and icon colours dark enough for AA on the light alert backgrounds. */
const TONES = {
  info: { color: 'blue', ink: '#0c3a63' },
  success: { color: 'green', ink: '#1b5e20' },
  warning: { color: 'yellow', ink: '#6b4200' },
  danger: { color: 'red', ink: '#9b1c1c' },
  neutral: { color: 'gray', ink: '#343a40' },
} as const;

/** An alert in one of five tones; its close button is named in the reader's language. */
export function AdminNotice({ tone, ...props }: AlertProps & { tone: keyof typeof TONES }) {
  const { t } = useTranslation();
  const { color, ink } = TONES[tone];
  return (
    <Alert
      color={color}
      variant="light"
      closeButtonLabel={t('common.close')}
      styles={{ title: { color: ink }, icon: { color: ink } }}
      {...props}
    />
  );
}
