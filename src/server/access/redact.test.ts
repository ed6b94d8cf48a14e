import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstNameOnly, redactText, type RedactableField } from './redact.ts';

const fr = { visible: new Set<RedactableField>(), locale: 'fr' };
const en = { visible: new Set<RedactableField>(), locale: 'en' };

/** Each secret must be gone, and the placeholder said in the organization's language. */
function assertMasked(text: string, secrets: string[], placeholder: string, policy = fr) {
  const out = redactText(text, policy);
  for (const secret of secrets) assert.ok(!out.includes(secret), `"${secret}" survived in: ${out}`);
  assert.ok(out.includes(placeholder), `no ${placeholder} in: ${out}`);
  return out;
}

describe('redaction of personal data for experts', () => {
  it('masks email addresses, spelled-out ones included', () => {
    assertMasked('Écrivez-moi à jean.dupont+sncf@gmail.com ou JDupont@Orange.fr svp', ['jean.dupont', 'gmail.com', 'Orange.fr'], '[email masqué]');
    assertMasked('my mail is john (at) example (dot) org', ['john', 'example'], '[email masqué]');
    assert.equal(redactText('Contact: élodie.lefèvre@laposte.net.', en), 'Contact: [email hidden].');
  });

  it('masks French and international phone numbers', () => {
    for (const phone of ['06 12 34 56 78', '06.12.34.56.78', '0612345678', '+33 6 12 34 56 78', '+33612345678', '+33 (0)6 12 34 56 78', '0033 1 45 67 89 10', '01-45-67-89-10']) {
      assertMasked(`Rappelez-moi au ${phone} demain.`, [phone, '56'], '[téléphone masqué]');
    }
    for (const phone of ['+44 20 7946 0958', '+1 (415) 555-0132', '(415) 555-0132', '415-555-0132', '020 7946 0958', '07700 900123', '+49 30 1234567']) {
      assertMasked(`Call me on ${phone} please`, [phone], '[phone hidden]', en);
    }
  });

  it('masks French postal addresses: street, postcode and city', () => {
    const out = assertMasked("J'habite au 12 bis rue de la Paix, 75002 Paris depuis 2019.", ['rue de la Paix', '75002', 'Paris'], '[adresse masquée]');
    assert.ok(out.includes('depuis 2019'), out);
    assertMasked('Livraison : 3, avenue des Champs-Élysées 75008 PARIS', ['Champs', '75008'], '[adresse masquée]');
    assertMasked('envoyez au 45 boulevard Saint-Germain et merci', ['Saint-Germain'], '[adresse masquée]');
    assertMasked('adresse : 8 impasse des lilas 69003 lyon', ['lilas', '69003', 'lyon'], '[adresse masquée]');
    assertMasked('Résidence 7 allée Victor Hugo, F-13008 Marseille Cedex 08', ['Victor Hugo', '13008', 'Marseille'], '[adresse masquée]');
  });

  it('masks English street addresses and postcodes', () => {
    assertMasked('Please ship it to 221B Baker Street, London NW1 6XE.', ['Baker', 'NW1 6XE'], '[address hidden]', en);
    assertMasked('I live at 1600 Pennsylvania Avenue, Washington, DC 20500', ['Pennsylvania', '20500'], '[address hidden]', en);
    assertMasked('New address: 42 Elm Tree Road Apt 4B', ['Elm Tree', '4B'], '[address hidden]', en);
  });

  it('masks order and booking references after their keyword, and PNR-like codes', () => {
    const out = assertMasked('Ma commande n° 12345678 est bloquée', ['12345678'], '[référence masquée]');
    assert.equal(out, 'Ma commande n° [référence masquée] est bloquée');
    assertMasked('Where is my order #A1B2C3?', ['A1B2C3'], '[reference hidden]', en);
    assertMasked('dossier ABC123 et réservation QXKZTR', ['ABC123', 'QXKZTR'], '[référence masquée]');
    assertMasked('Réf. : CMD-2024-88731, facture FA20240312', ['CMD-2024-88731', 'FA20240312'], '[référence masquée]');
    assertMasked('mon PNR est X7K9QZ', ['X7K9QZ'], '[référence masquée]');
    assertMasked('booking reference: 7HJ2KL, parcel 1Z999AA10123456784', ['7HJ2KL', '1Z999AA10123456784'], '[reference hidden]', en);
    assertMasked('numéro client 0012345678901', ['0012345678901'], '[référence masquée]');
  });

  it('always masks bank details, even when every field is granted', () => {
    const all = { visible: new Set<RedactableField>(['email', 'phone', 'address', 'orderNumber']), locale: 'fr' };
    assertMasked('Mon IBAN : FR76 3000 6000 0112 3456 7890 189', ['3000 6000', 'FR76'], '[coordonnées bancaires masquées]', all);
    assertMasked('carte 4111 1111 1111 1111 exp 12/27', ['4111 1111'], '[coordonnées bancaires masquées]', all);
    assertMasked('ma carte 4970 1012 3456 7894.', ['4970 1012'], '[coordonnées bancaires masquées]', all);
    assertMasked('n° 4111111111111111, merci', ['4111111111111111'], '[coordonnées bancaires masquées]', all);
    assertMasked('card 5500-0000-0000-0004', ['5500-0000'], '[bank details hidden]', { ...all, locale: 'en' });
  });

  it('lets through what the brand grants', () => {
    const text = 'jean@exemple.fr, 06 12 34 56 78, 12 rue Lepic 75018 Paris, commande n° 12345678';
    const grant = (...fields: RedactableField[]) => redactText(text, { visible: new Set(fields), locale: 'fr' });
    assert.ok(grant('email').includes('jean@exemple.fr'));
    assert.ok(!grant('email').includes('06 12 34'));
    assert.ok(grant('phone').includes('06 12 34 56 78'));
    assert.ok(grant('address').includes('12 rue Lepic 75018 Paris'));
    assert.ok(grant('orderNumber').includes('12345678'));
    assert.ok(!grant('orderNumber').includes('jean@'));
  });

  it('leaves prices, dates, times, train numbers and ordinary sentences alone', () => {
    const untouched = [
      'Mon TGV 6607 de 14h35 avait 45 minutes de retard le 12/03/2024.',
      'Le billet coûtait 1 234,56 € et le remboursement de 89,90 € est arrivé.',
      'Train TER 857412 parti à 08:15, arrivé à 9h40, voie 3.',
      'I paid £120.50 on 2024-03-12 for the 10:45 Eurostar 9014 to London.',
      "J'ai réservé 1 place pour Lyon le 3 avril et 2 places en 1re classe.",
      'Je suis client depuis 2015 et ma carte Avantage a expiré en mars 2024.',
      'Nous étions 12000 voyageurs et 3 fois sans réponse en 2 ans.',
      'My order arrived damaged: box 3 of 4, item 2, size 42.',
      'Le RER B et la ligne 13 sont en grève jusqu’au 15 mai.',
      'Merci beaucoup, URGENT : le quai était bondé, 5 rues plus loin.',
    ];
    for (const text of untouched) {
      assert.equal(redactText(text, fr), text);
      assert.equal(redactText(text, en), text);
    }
  });

  it('keeps the first name only, and masks a name that is an email', () => {
    assert.equal(firstNameOnly('Camille Dupontel', fr), 'Camille');
    assert.equal(firstNameOnly('camille.dupontel@gmail.com', fr), '[email masqué]');
    assert.equal(firstNameOnly(null, fr), null);
  });
});
