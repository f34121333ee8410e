import {
  Alert,
  CloseButton,
  Modal,
  Notification,
  Portal,
  createTheme,
  type MantineThemeOverride,
} from '@mantine/core';

/** Colours chosen for WCAG AA contrast on white (primary #1c5d99 ≈ 6.6:1). */
export const baseTheme = createTheme({
  primaryColor: 'sinovik',
  primaryShade: 7,
  colors: {
    sinovik: [
      '#e8f1fa',
      '#cfe0f2',
      '#a2c2e6',
      '#72a2d9',
      '#4b87ce',
      '#3276c7',
      '#246cc4',
      '#1c5d99',
      '#154a7c',
      '#0c3a63',
    ],
  },
  fontFamily: 'Liberation Sans, Arial, Helvetica, sans-serif',
  defaultRadius: 'sm',
});

/** The element every dialog, menu, dropdown and notification is drawn into (main.tsx renders it). */
export const OVERLAYS_ID = 'sinovik-overlays';

/**
 * The theme for one interface language: every close button Mantine draws (alerts, notifications,
 * modals) gets a label in that language, so no icon-only button is nameless for screen readers. Every
 * portal goes into one labelled <section> (OVERLAYS_ID): a dialog's <header> inside a section is no second
 * banner landmark, and an open dropdown's options sit inside a landmark (axe: landmark-no-duplicate-banner,
 * landmark-unique, region).
 */
export function themeFor(lang: 'id' | 'en'): MantineThemeOverride {
  const close = lang === 'id' ? 'Tutup' : 'Close';
  return {
    ...baseTheme,
    components: {
      Alert: Alert.extend({ defaultProps: { closeButtonLabel: close } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': close } } }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': close } } }),
      CloseButton: CloseButton.extend({ defaultProps: { 'aria-label': close } as Record<string, string> }),
      Portal: Portal.extend({ defaultProps: { target: `#${OVERLAYS_ID}` } }),
    },
  };
}
