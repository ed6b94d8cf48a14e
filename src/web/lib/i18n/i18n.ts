// French and English throughout: the browser's language first, then the person's choice, remembered in this
// browser. Each feature brings its own namespace (features/<name>/locales/{fr,en}.json).
import i18next, { type Resource } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';

export const LANGUAGE_STORAGE_KEY = 'relais.language';
export const APP_LANGUAGES = ['fr', 'en'] as const;
export type AppLanguage = (typeof APP_LANGUAGES)[number];

export type Locales = { fr: Record<string, unknown>; en: Record<string, unknown> };

export function initI18n(namespaces: Record<string, Locales>) {
  const resources: Resource = { fr: {}, en: {} };
  for (const [namespace, locales] of Object.entries(namespaces)) {
    resources.fr![namespace] = locales.fr;
    resources.en![namespace] = locales.en;
  }
  void i18next.use(LanguageDetector).use(initReactI18next).init({
    resources,
    supportedLngs: [...APP_LANGUAGES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    defaultNS: 'common',
    ns: Object.keys(namespaces),
    interpolation: { escapeValue: false }, // React escapes
    detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: LANGUAGE_STORAGE_KEY, caches: ['localStorage'] },
    initAsync: false,
  });
  const applyLang = (lng: string) => document.documentElement.setAttribute('lang', lng.slice(0, 2));
  applyLang(i18next.resolvedLanguage ?? 'en');
  i18next.on('languageChanged', applyLang);
  return i18next;
}

export function currentLanguage(): AppLanguage {
  return (i18next.resolvedLanguage === 'fr' ? 'fr' : 'en');
}
