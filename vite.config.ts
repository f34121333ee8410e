import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/vite/precompress.js';
import { lightShell } from './scripts/vite/light-shell.js';
import { fieldShell } from './scripts/vite/field-shell.js';

export default defineConfig({
  root: 'src/web',
  plugins: [react(), lightShell(), fieldShell(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // The entry (React, Mantine, the router, the home page) is about 540 KB before compression; its budget
    // is checked compressed, where it counts, by scripts/check-bundle.mjs.
    chunkSizeWarningLimit: 600,
    // .vite/manifest.json: which chunks each page loads, read by scripts/check-bundle.mjs.
    manifest: true,
    rolldownOptions: {
      output: {
        // TanStack Query's part the home page uses in one chunk of its own: left to the default split, a new lazy
        // page moved the core's shared classes into a separate chunk (one more file on the first load, over its
        // byte budget). What only signed-in pages use (mutations, several or infinite queries, suspense) is
        // left out, to their own chunks.
        codeSplitting: {
          groups: [
            {
              name: 'query',
              test: /node_modules[\\/]@tanstack[\\/](?!.*(mutationObserver|useMutation|useIsMutating|useMutationState|queriesObserver|useQueries|infiniteQuery|useInfinite|useSuspense|usePrefetch))/,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
