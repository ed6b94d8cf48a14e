// The two small forms: leaving an email for an answer later, and rating a resolved conversation.
import { el } from './dom.ts';
import type { Texts } from './i18n.ts';

/** onSubmit answers false when it could not be sent (offline): the form stays usable. */
export function createEmailCard(t: Texts, onSubmit: (email: string, name: string) => boolean, onCancel: () => void) {
  const email = el('input', { type: 'email', required: true, autocomplete: 'email', maxlength: '320' });
  const name = el('input', { type: 'text', autocomplete: 'name', maxlength: '200' });
  const submit = el('button', { class: 'btn primary', type: 'submit' }, t.emailSubmit);
  const cancel = el('button', { class: 'btn', type: 'button' }, t.cancel);
  const form = el('form', { class: 'card' },
    el('p', {}, t.emailIntro),
    el('label', {}, t.emailLabel, email),
    el('label', {}, t.nameLabel, name),
    el('div', { class: 'row' }, cancel, submit));
  form.hidden = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!email.checkValidity()) return email.reportValidity();
    submit.disabled = onSubmit(email.value.trim(), name.value.trim());
  });
  cancel.addEventListener('click', onCancel);
  return {
    node: form,
    open() {
      form.hidden = false;
      email.focus();
    },
    close: () => { form.hidden = true; },
    done() {
      form.replaceChildren(el('p', { role: 'status' }, t.emailThanks));
    },
  };
}

export function createRatingCard(t: Texts, onRate: (score: number, comment: string) => boolean) {
  let score = 0;
  const stars = el('div', { class: 'stars' });
  const comment = el('textarea', { rows: '2', maxlength: '2000' });
  const submit = el('button', { class: 'btn primary', type: 'submit', disabled: true }, t.rateSubmit);
  for (let n = 1; n <= 5; n++) {
    const star = el('button', { type: 'button', 'aria-label': t.rateScore(n), 'aria-pressed': 'false' }, '★');
    star.addEventListener('click', () => {
      score = n;
      stars.querySelectorAll('button').forEach((b, i) => b.setAttribute('aria-pressed', String(i < n)));
      submit.disabled = false;
    });
    stars.append(star);
  }
  const form = el('form', { class: 'card' },
    el('fieldset', { class: 'card' }, el('legend', {}, t.rateQuestion), stars),
    el('label', {}, t.rateComment, comment),
    el('div', { class: 'row' }, submit));
  form.hidden = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (score < 1) return;
    submit.disabled = onRate(score, comment.value.trim());
  });
  return {
    node: form,
    show: (visible: boolean) => { form.hidden = !visible; },
    done() {
      form.hidden = false;
      form.replaceChildren(el('p', { role: 'status' }, t.rateThanks));
    },
  };
}
