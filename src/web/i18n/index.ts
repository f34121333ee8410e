import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { common } from './id/common.js';
import { publicPages } from './id/public.js';
import { account } from './id/account.js';

export type Lang = 'id' | 'en';

/*
 * The texts come in two parts so a visitor of the public pages does not download every screen's texts: the
 * Indonesian texts of the public and account pages are in the app; the rest, and English, are loaded on
 * demand (`loadTexts`) — by every signed-in page before it shows (routing/lazyPage.ts), by the session once
 * someone is signed in (api/session.ts), and by a switch of language. Keys stay as they are
 * (`secretariat.…`): a part is merged deep into the one `translation` namespace.
 */
type Texts = Record<string, unknown>;
const parts: Record<Lang, Record<'public' | 'all', () => Promise<Texts>>> = {
  id: {
    public: async () => ({ common, public: publicPages, account }),
    all: async () => (await import('./id/index.js')).id,
  },
  en: {
    public: async () => {
      const [c, p, a] = await Promise.all([
        import('./en/common.js'),
        import('./en/public.js'),
        import('./en/account.js'),
      ]);
      return { common: c.common, public: p.publicPages, account: a.account };
    },
    all: async () => (await import('./en/index.js')).en,
  },
};
const loading = new Map<string, Promise<void>>();

/** Loads a part of the texts of a language once (every later call answers the same promise). */
export function loadTexts(lang: Lang, part: 'public' | 'all' = 'all'): Promise<void> {
  const key = `${lang}:${part}`;
  let p = loading.get(key);
  if (!p) {
    p = parts[lang][part]().then((texts) => {
      i18n.addResourceBundle(lang, 'translation', texts, true, true);
    });
    p.catch(() => loading.delete(key));
    loading.set(key, p);
  }
  return p;
}

/** Whether the whole of the texts is wanted: once a signed-in page or a session asked for it. */
let wantAll = false;

/** Loads every text of the current language (and of any language switched to later). */
export function loadAllTexts(): Promise<void> {
  wantAll = true;
  return loadTexts(currentLang(), 'all');
}

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('sinovik.lang') : null;

void i18n.use(initReactI18next).init({
  resources: { id: { translation: { common, public: publicPages, account } } },
  lng: stored === 'en' ? 'en' : 'id',
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
  // Texts loaded later re-render what shows them.
  react: { bindI18nStore: 'added' },
});
loading.set('id:public', Promise.resolve());

function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'id';
}

/**
 * The page's own language and title follow the interface language: `<html lang>` (screen readers and
 * translation tools read it) and the tab's title. index.html ships Indonesian; this runs before the first
 * render (textsReady) and again on every switch.
 */
function applyDocumentLanguage(): void {
  if (typeof document === 'undefined') return;
  const lang = currentLang();
  document.documentElement.lang = lang;
  const title = i18n.getResource(lang, 'translation', 'common.documentTitle') as string | undefined;
  if (title) document.title = title;
}
i18n.on('languageChanged', applyDocumentLanguage);

/** Resolves when the texts the first screen needs are there (English is loaded, when it was chosen). */
export const textsReady: Promise<void> = (
  currentLang() === 'en' ? loadTexts('en', 'public') : Promise.resolve()
).then(applyDocumentLanguage, applyDocumentLanguage);

/** Switches the interface language, once its texts are loaded, and remembers it. */
export async function setLanguage(lang: Lang): Promise<void> {
  localStorage.setItem('sinovik.lang', lang);
  await loadTexts(lang, 'public');
  if (wantAll) await loadTexts(lang, 'all');
  await i18n.changeLanguage(lang);
}

/** The current language and a picker for {id, en} texts from the API. */
export function useLang() {
  const { i18n: inst } = useTranslation();
  const lang: Lang = inst.language === 'en' ? 'en' : 'id';
  return { lang, pick: (text: { id: string; en: string } | null | undefined) => (text ? text[lang] : '') };
}

export default i18n;
