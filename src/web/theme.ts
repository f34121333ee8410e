import { createTheme } from '@mantine/core';

/** Colours chosen for WCAG AA contrast on white (primary #1c5d99 ≈ 6.6:1). */
export const theme = createTheme({
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
