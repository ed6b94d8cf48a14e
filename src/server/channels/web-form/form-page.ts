// The contact form's HTML, French first, English on request: small, no script, usable with a keyboard and a
// screen reader (labels, required fields announced, errors in an alert region). The honeypot is moved off
// screen and hidden from assistive technology, so only bots fill it in.
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD, type SpamReason } from './form-guard.ts';

export type Lang = 'fr' | 'en';
export type FormValues = Partial<Record<'name' | 'email' | 'subject' | 'message' | 'orderReference', string>>;

const texts = {
  fr: {
    title: 'Nous contacter', intro: 'Écrivez-nous : nous vous répondrons par e-mail.', required: 'Les champs marqués * sont obligatoires.',
    name: 'Votre nom', email: 'Votre adresse e-mail', subject: 'Objet', message: 'Votre message',
    orderReference: 'Référence de commande (facultatif)', submit: 'Envoyer', honeypot: 'Laissez ce champ vide',
    thanksTitle: 'Merci, votre message est bien arrivé', thanksText: 'Nous vous répondrons par e-mail à l’adresse indiquée.',
    another: 'Écrire un autre message', errorTitle: 'Le message n’a pas été envoyé',
    invalidField: (label: string) => `Vérifiez le champ « ${label} ».`,
    spam: {
      too_fast: 'Le formulaire a été envoyé trop vite : patientez quelques secondes puis envoyez-le de nouveau.',
      expired: 'Le formulaire avait expiré : il a été rechargé, envoyez-le de nouveau.',
      refused: 'Le message a été refusé.',
    },
  },
  en: {
    title: 'Contact us', intro: 'Write to us: we will answer by email.', required: 'Fields marked * are required.',
    name: 'Your name', email: 'Your email address', subject: 'Subject', message: 'Your message',
    orderReference: 'Order reference (optional)', submit: 'Send', honeypot: 'Leave this field empty',
    thanksTitle: 'Thank you, your message has arrived', thanksText: 'We will answer by email at the address you gave.',
    another: 'Write another message', errorTitle: 'The message was not sent',
    invalidField: (label: string) => `Please check the field “${label}”.`,
    spam: {
      too_fast: 'The form was sent too quickly: wait a few seconds, then send it again.',
      expired: 'The form had expired: it has been reloaded, please send it again.',
      refused: 'The message was refused.',
    },
  },
} as const;

/** `?lang=` wins, then the first of French or English in Accept-Language (by weight); French by default. */
export function pickLanguage(queryLang: unknown, acceptLanguage: string | undefined): Lang {
  if (queryLang === 'fr' || queryLang === 'en') return queryLang;
  const ranked = (acceptLanguage ?? '').split(',').map((part, index) => {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    return { tag, q: q === undefined ? 1 : Number(q), index };
  }).filter((l) => l.q > 0).sort((x, y) => y.q - x.q || x.index - y.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('fr')) return 'fr';
    if (tag.startsWith('en')) return 'en';
  }
  return 'fr';
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The visitor's message for a refused submission, in their language. */
export function errorText(lang: Lang, error: { spamReason?: SpamReason; field?: string }): string {
  const t = texts[lang];
  if (error.spamReason === 'too_fast') return t.spam.too_fast;
  if (error.spamReason && error.spamReason !== 'honeypot') return t.spam.expired;
  const field = error.field as keyof FormValues | undefined;
  if (field && field in t) return t.invalidField(t[field]);
  return t.spam.refused;
}

function page(lang: Lang, title: string, main: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font:1rem/1.5 system-ui,sans-serif;margin:0;padding:1rem;color:#1a1a1a;background:#fff}
main{max-width:36rem;margin:auto}label{display:block;font-weight:600;margin-top:1rem}
input,textarea{box-sizing:border-box;width:100%;font:inherit;padding:.5rem;border:1px solid #555;border-radius:4px}
textarea{min-height:10rem}button{margin-top:1.5rem;font:inherit;padding:.6rem 1.4rem;border:0;border-radius:4px;background:#1d4ed8;color:#fff}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}.error{border:2px solid #b91c1c;padding:.75rem;border-radius:4px}
.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
</style>
</head>
<body>
<main>
${main}
</main>
</body>
</html>
`;
}

export function renderFormPage(input: { lang: Lang; action: string; token: string; values?: FormValues; error?: string }): string {
  const t = texts[input.lang];
  const v = input.values ?? {};
  const value = (name: keyof FormValues) => escapeHtml(v[name] ?? '');
  // The `required` attribute is what assistive technology announces; the star is for the eyes only.
  const req = '<span aria-hidden="true">*</span>';
  const error = input.error
    ? `<div class="error" role="alert" tabindex="-1" id="form-error"><h2>${t.errorTitle}</h2><p>${escapeHtml(input.error)}</p></div>\n`
    : '';
  return page(input.lang, t.title, `<h1>${t.title}</h1>
<p>${t.intro} ${t.required}</p>
${error}<form method="post" action="${escapeHtml(input.action)}" accept-charset="utf-8"${input.error ? ' aria-describedby="form-error"' : ''}>
<input type="hidden" name="${FORM_TOKEN_FIELD}" value="${escapeHtml(input.token)}">
<input type="hidden" name="lang" value="${input.lang}">
<label for="name">${t.name} ${req}</label>
<input id="name" name="name" required maxlength="200" autocomplete="name" value="${value('name')}">
<label for="email">${t.email} ${req}</label>
<input id="email" name="email" type="email" required maxlength="320" autocomplete="email" value="${value('email')}">
<label for="subject">${t.subject} ${req}</label>
<input id="subject" name="subject" required maxlength="200" value="${value('subject')}">
<label for="orderReference">${t.orderReference}</label>
<input id="orderReference" name="orderReference" maxlength="100" value="${value('orderReference')}">
<label for="message">${t.message} ${req}</label>
<textarea id="message" name="message" required maxlength="10000">${value('message')}</textarea>
<div class="trap" aria-hidden="true"><label for="${HONEYPOT_FIELD}">${t.honeypot}</label>
<input id="${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></div>
<button type="submit">${t.submit}</button>
</form>`);
}

export function renderThanksPage(input: { lang: Lang; formUrl: string }): string {
  const t = texts[input.lang];
  return page(input.lang, t.thanksTitle, `<h1>${t.thanksTitle}</h1>
<p role="status">${t.thanksText}</p>
<p><a href="${escapeHtml(input.formUrl)}">${t.another}</a></p>`);
}
