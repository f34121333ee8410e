import { lazy, type ComponentType } from 'react';
import { loadAllTexts } from '../i18n/index.js';

/**
 * A page loaded on first visit, in a chunk of its own (with the libraries only it uses), so a visitor of
 * the public pages never downloads the secretariat's screens. `pick` names the page's export. A page shows
 * once its code and every text of the interface are there (both fetched at the same time); a public page
 * (`texts: 'public'`) needs only the texts that come with the app.
 */
export function lazyPage<M extends Record<string, unknown>, K extends keyof M & string>(
  load: () => Promise<M>,
  pick: K,
  texts: 'public' | 'all' = 'all',
) {
  return lazy(async () => {
    // Texts that fail to load leave their keys showing; they do not stop the page.
    const [module] = await Promise.all([
      load(),
      texts === 'all' ? loadAllTexts().catch(() => undefined) : undefined,
    ]);
    return { default: module[pick] as ComponentType };
  });
}
