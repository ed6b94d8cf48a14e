// Dates and times in the person's language.
import i18next from 'i18next';

const locale = () => (i18next.resolvedLanguage === 'fr' ? 'fr-FR' : 'en-GB');

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(locale(), { dateStyle: 'short', timeStyle: 'short' });
}

/** "14:05" today, "12/03 14:05" otherwise: short enough for a list row. */
export function formatShort(iso: string): string {
  const date = new Date(iso);
  const today = new Date();
  const sameDay = date.toDateString() === today.toDateString();
  return sameDay
    ? date.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString(locale(), { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
}
