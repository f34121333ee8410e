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
import { OVERLAYS_ID, themeFor } from './theme.js';
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
      {/*
        Where every portal goes (theme.ts). After the app, as Mantine's own portal nodes were, so the page's
        fields come before their open lists in the document; it is in the document before any portal's effect runs.
      */}
      <section
        id={OVERLAYS_ID}
        aria-label={lang === 'id' ? 'Dialog dan pemberitahuan' : 'Dialogs and notices'}
      />
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

/*
 * index.html keeps the app's stylesheet after #root, so the light shell paints before it arrives
 * (scripts/vite/light-shell.ts); this script runs once it has loaded. The app's cascade wants it in <head>,
 * before the styles Mantine renders inside #root (its theme's CSS variables): a copy goes there (from the
 * cache) and the first render waits for it.
 */
function stylesInHead(): Promise<void> {
  const links = [...document.querySelectorAll<HTMLLinkElement>('body link[rel="stylesheet"]')];
  return Promise.all(
    links.map(
      (link) =>
        new Promise<void>((resolve) => {
          const copy = link.cloneNode() as HTMLLinkElement;
          copy.onload = copy.onerror = () => {
            link.remove();
            resolve();
          };
          document.head.appendChild(copy);
        }),
    ),
  ).then(() => undefined);
}

// index.html shows a light shell in #root until this first render replaces it.
void Promise.all([textsReady, stylesInHead()]).finally(() =>
  createRoot(document.getElementById('root')!).render(
    <React.StrictMode>
      <Root />
    </React.StrictMode>,
  ),
);
