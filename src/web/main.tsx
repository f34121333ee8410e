import React from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import './i18n/index.js';
import { themeFor } from './theme.js';
import { textsReady, useLang } from './i18n/index.js';
import { App } from './App.js';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

/** Mantine's theme follows the interface language (labels of its built-in close buttons). */
function Root() {
  const { lang } = useLang();
  return (
    <MantineProvider theme={themeFor(lang)}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

/*
 * After a new version is deployed, a tab opened before asks for page chunks that no longer exist (their
 * names carry the old hashes): load the new version once instead of failing. The mark in sessionStorage
 * stops a reload loop if the chunk is missing for another reason.
 */
window.addEventListener('vite:preloadError', (event) => {
  if (sessionStorage.getItem('sinovik.reloadedForChunk') === location.pathname) return;
  sessionStorage.setItem('sinovik.reloadedForChunk', location.pathname);
  event.preventDefault();
  location.reload();
});

// index.html shows a light shell in #root until this first render replaces it.
void textsReady.finally(() =>
  createRoot(document.getElementById('root')!).render(
    <React.StrictMode>
      <Root />
    </React.StrictMode>,
  ),
);
