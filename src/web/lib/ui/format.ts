// Dates and times in the person's language. Formatters are made once per language: creating one costs more
// than formatting, and the inbox formats a date for every row it draws while scrolling.
import i18next from 'i18next';

type Formatters = { dateTime: Intl.DateTimeFormat; time: Intl.DateTimeFormat; dayTime: Intl.DateTimeFormat };
const cache = new Map<string, Formatters>();

function formatters(): Formatters {
  const locale = i18next.resolvedLanguage === 'fr' ? 'fr-FR' : 'en-GB';
  let f = cache.get(locale);
  if (!f) {
    f = {
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }),
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }),
      dayTime: new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }),
    };
    cache.set(locale, f);
  }
  return f;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return formatters().dateTime.format(new Date(iso));
}

/** "14:05" today, "12/03 14:05" otherwise: short enough for a list row. */
export function formatShort(iso: string): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay ? formatters().time.format(date) : formatters().dayTime.format(date);
}
