import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { id } from './id/index.js';
import { en } from './en/index.js';

export type Lang = 'id' | 'en';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('sinovik.lang') : null;

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: stored === 'en' ? 'en' : 'id',
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
});

/** Switches the interface language and remembers it. */
export function setLanguage(lang: Lang) {
  localStorage.setItem('sinovik.lang', lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

/** The current language and a picker for {id, en} texts from the API. */
export function useLang() {
  const { i18n: inst } = useTranslation();
  const lang: Lang = inst.language === 'en' ? 'en' : 'id';
  return { lang, pick: (text: { id: string; en: string } | null | undefined) => (text ? text[lang] : '') };
}

export default i18n;
