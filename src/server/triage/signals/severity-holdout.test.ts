// Held-out-style checks: each set was written AFTER the lexicons of its time were
// frozen. Labels are what a care lead would choose. The bar is aggregate (≥ 90%
// exact level) except for crisis, where every statement must be caught.
//
// First-run results, before any fix they prompted:
//   V1 36/42 exact (85.7%), crisis 8/9. Misses exposed general defects (negation read
//      inside negative statements, elided masked insults, passive threats, damage words).
//   V2 33/42 exact (78.6%), crisis 8/9, after the V1 fixes. Misses exposed implicit
//      complaints, folding collisions ("hâte" → "hate", "retards" as an insult) and
//      conjugated "en finir". Fixed, so V1 and V2 are regression sets now.
//   V3 30/40 exact (75.0%), crisis 8/8, no false crisis, after the V2 fixes. Misses:
//      slang praise read as damage ("ça déchire"), unlisted problem verbs (leaks, refused
//      card, never came), noun use of adjective insults ("des gros cons"). Fixed too.
// So none of these sets is held out any more: they are regression sets that must stay
// at the bar. A new, unseen set is the only honest measure of generalization.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectSeverity, type Severity } from './detect-severity.ts';

const HOLDOUT_V1_SEEN: Array<[Severity, string]> = [
  ['normal', 'Bonjour, est-ce que je peux changer la date de mon billet Paris-Nantes ?'],
  ['normal', 'Hello, quick question: do you deliver on Saturdays?'],
  ['normal', 'Merci pour la réponse rapide, tout est réglé 👍'],
  ['normal', "Je suis mort de rire devant la pub avec le chat, bravo l'équipe"],
  ['normal', 'This new lemon tart is to die for, well done'],
  ['normal', 'on a tué le game avec ce forfait, merci !'],
  ['normal', 'Could you send me the invoice for March please?'],
  ['normal', 'Je me tue à le répéter à mes amis : votre appli est géniale'],
  ['normal', 'Is it possible to bring a bike on the 9:40 train?'],
  ['complaint', "Ça fait deux semaines que j'attends mon remboursement, c'est long."],
  ['complaint', "The heater in coach 7 is broken and it's freezing."],
  ['complaint', 'Mon compteur a été relevé deux fois et la facture est fausse.'],
  ['complaint', 'Honestly disappointed, the jacket arrived with a hole in it.'],
  ['complaint', 'Encore une coupure de courant ce matin, troisième fois ce mois-ci.'],
  ['complaint', 'This wait is killing me, still no update on my claim.'],
  ['complaint', 'Franchement, votre appli est une catastrophe depuis la mise à jour.'],
  ['complaint', 'Je crève de froid sur le quai, le RER a 25 minutes de retard.'],
  ['complaint', 'The package was left in the rain and everything inside is soaked.'],
  ['angry', "TROISIÈME FOIS QUE J'APPELLE ET PERSONNE NE ME RÉPOND"],
  ['angry', "Si ce n'est pas réglé vendredi, je change de fournisseur et je préviens UFC Que Choisir."],
  ['angry', "I've had it. I'm reporting you to trading standards and leaving a one star review everywhere."],
  ['angry', "C'est du foutage de gueule !!! Rendez-moi mon argent"],
  ['angry', 'Absolutely furious, you charged my card three times!!!'],
  ['angry', 'Je vais raconter cette histoire sur Facebook, tout le monde saura comment vous traitez vos clients.'],
  ['angry', 'What the hell is going on with my order?? This is a complete joke'],
  ['angry', "Mon avocat va recevoir une copie de ce message, j'en ai assez."],
  ['abusive', 'Vous êtes vraiment une bande de guignols.'],
  ['abusive', "Espèce d'abruti, tu lis mes messages ou pas ?"],
  ['abusive', "You're all a bunch of thieves."],
  ['abusive', 'Go to hell with your fake discounts.'],
  ['abusive', "Service client de m*rde, bande d'enf0irés"],
  ['abusive', "Stupid idiots can't even deliver a letter"],
  ['abusive', 'Allez vous faire voir avec vos frais cachés'],
  ['crisis', 'Je n\'en peux plus, je vais me jeter du pont ce soir.'],
  ['crisis', "j'ai plus aucune raison de vivre depuis que j'ai tout perdu"],
  ['crisis', 'honestly i just want to die, nothing ever works out'],
  ['crisis', 'Si vous me coupez le gaz je me tire une balle'],
  ['crisis', "I'm going to come to your office with a gun"],
  ['crisis', 'Je connais ton adresse, je vais te faire la peau'],
  ['crisis', "If my refund isn't here tomorrow someone at your shop is going to get hurt"],
  ['crisis', 'thinking about ending my life tbh'],
  ['crisis', 'je vais vous égorger un par un'],
];

const HOLDOUT_V3_SEEN: Array<[Severity, string]> = [
  ['normal', 'Bonjour, à quelle heure ouvre la boutique de Rennes samedi ?'],
  ['normal', 'Thank you Sarah for sorting out my booking so quickly!'],
  ['normal', 'Je souhaiterais recevoir mes factures par courrier plutôt que par mail.'],
  ['normal', 'Trop bien la nouvelle appli, ça déchire 🔥'],
  ['normal', "I'd die for a window seat on this route haha"],
  ['normal', "Ce nouveau menu, c'est une bombe !"],
  ['normal', 'Do you have gift cards?'],
  ['normal', 'Merci, problème résolu, vous pouvez fermer le ticket.'],
  ['complaint', 'Ma commande est arrivée mais il manque deux articles.'],
  ['complaint', 'The train was 40 minutes late and there was no announcement.'],
  ['complaint', "Le technicien n'est jamais venu au rendez-vous de ce matin."],
  ['complaint', 'I was charged a cancellation fee I was never told about.'],
  ['complaint', 'Franchement déçue de la qualité, le pull a bouloché au premier lavage.'],
  ['complaint', "Still no sign of my parcel and the tracking hasn't moved in a week."],
  ['complaint', 'Mon forfait a augmenté sans que je sois prévenu.'],
  ['complaint', 'The coffee machine you sold me leaks everywhere.'],
  ['complaint', 'Le site refuse ma carte bancaire depuis trois jours.'],
  ['angry', 'C\'EST LA TROISIÈME FOIS QUE MON TRAIN EST ANNULÉ CETTE SEMAINE'],
  ['angry', "I'm livid. Nobody warned us the flight was moved."],
  ['angry', "Je saisis le médiateur de l'énergie dès demain."],
  ['angry', "Sort it out today or I'm going to the papers."],
  ['angry', 'Vous avez perdu une cliente, je pars chez un concurrent !'],
  ['angry', 'This is bullshit, I paid for express delivery!!'],
  ['angry', 'Je vais en parler sur tous mes réseaux, vous allez voir.'],
  ['angry', "Absolutely disgusting service, I'm filing a complaint with the ombudsman."],
  ['abusive', 'Tas d\'incompétents, vous ne savez rien faire'],
  ['abusive', 'Your CEO is a greedy bastard'],
  ['abusive', "Espèce de charlatans, rendez l'argent"],
  ['abusive', 'Listen here you idiot, I want a manager'],
  ['abusive', 'Va te faire foutre avec ton « désolé pour la gêne occasionnée »'],
  ['abusive', 'Bunch of crooks, the lot of you'],
  ['abusive', 'Les contrôleurs sont des gros cons'],
  ['crisis', 'Je ne vois plus aucune raison de continuer à vivre.'],
  ['crisis', "I'm thinking of ending it all, I can't face another letter from you."],
  ['crisis', "j'vais m'foutre en l'air ce week-end"],
  ['crisis', 'I want to die, please just leave me alone'],
  ['crisis', 'Si quelqu\'un de chez vous se présente chez moi, je le bute.'],
  ['crisis', "I'm going to blow up your headquarters"],
  ['crisis', 'Un jour je vais débarquer avec une arme et vous allez comprendre'],
  ['crisis', "J'ai acheté une corde, je vais me pendre"],
];

const HOLDOUT_V2_SEEN: Array<[Severity, string]> = [
  ['normal', 'Salut, vous livrez en Corse ?'],
  ['normal', 'Thanks a million, the technician was brilliant'],
  ['normal', "Je voudrais ajouter une ligne à mon abonnement familial."],
  ['normal', "Ce gâteau d'anniversaire était une tuerie, merci au magasin de Lille"],
  ['normal', 'lol you guys killed it with the new app design'],
  ['normal', "J'ai hâte de recevoir ma commande, je meurs d'impatience !"],
  ['normal', 'Can I pay with PayPal?'],
  ['normal', "Bonsoir, mon fils voudrait un abonnement étudiant, c'est possible ?"],
  ['normal', "I'm dead 😂 your tweet about the cat is hilarious"],
  ['complaint', "Le chauffeur est parti sans attendre alors que j'étais à l'arrêt, pas très pro."],
  ['complaint', "My refund still hasn't shown up on my account."],
  ['complaint', 'Impossible de me connecter à mon espace client depuis hier.'],
  ['complaint', "The delivery guy threw my parcel over the fence and it's dented."],
  ['complaint', "Vous m'avez facturé des frais que je n'ai jamais demandés."],
  ['complaint', 'ça me saoule ces retards tous les matins'],
  ['complaint', 'Waited 45 minutes on hold and then got cut off.'],
  ['complaint', "La box internet redémarre toute seule toutes les heures, c'est pénible."],
  ['complaint', 'The app logged me out again and deleted my saved cart, annoying.'],
  ['angry', 'JE VEUX UN REMBOURSEMENT IMMÉDIAT, VOTRE SERVICE EST UNE HONTE'],
  ['angry', "Last warning: fix this or I'm taking you to small claims court."],
  ['angry', 'Je vais mettre un avis une étoile partout et prévenir la presse locale.'],
  ['angry', "I'm so angry right now, third missed delivery this week!!!"],
  ['angry', 'Vous vous moquez du monde, ça fait un mois !!!'],
  ['angry', "If nobody calls me back today I'm cancelling everything and switching to your competitor."],
  ['angry', "Putain mais c'est pas possible, encore en panne !"],
  ['angry', "I'll make sure everyone on Twitter knows how you treat disabled passengers."],
  ['abusive', 'Vous êtes des voleurs, point.'],
  ['abusive', 'Quelle bande de bras cassés dans ce service'],
  ['abusive', 'shut up and give me my money back you clowns'],
  ['abusive', 'Your support team are a bunch of useless morons'],
  ['abusive', 'Ferme-la et rembourse-moi, sale escroc'],
  ['abusive', 'fck u and your stupid company'],
  ['abusive', "Connasse de conseillère, elle m'a raccroché au nez"],
  ['crisis', 'je veux plus me réveiller demain'],
  ['crisis', "J'ai préparé les médicaments, ce soir j'en finis."],
  ['crisis', 'I keep thinking about killing myself since you cut off my power'],
  ['crisis', 'je vais me pendre si je perds ce logement'],
  ['crisis', "I'm gonna end my life, I can't cope with this debt anymore"],
  ['crisis', "Je vais venir à l'agence et je vais tous vous massacrer"],
  ['crisis', 'You better watch your back, I know where your manager lives'],
  ['crisis', 'I will stab the next driver who skips my stop'],
  ['crisis', 'je vais brûler votre boutique avec vous dedans'],
];

const SETS = [
  ['v3 (seen, regression)', HOLDOUT_V3_SEEN],
  ['v2 (seen, regression)', HOLDOUT_V2_SEEN],
  ['v1 (seen, regression)', HOLDOUT_V1_SEEN],
] as const;

for (const [name, set] of SETS) describe(`severity held-out set ${name}`, () => {
  const results = set.map(([expected, text]) => ({ expected, text, got: detectSeverity(text) }));

  it('gets at least 90% of levels exactly right', () => {
    const misses = results.filter((r) => r.got.severity !== r.expected);
    const accuracy = 1 - misses.length / results.length;
    const detail = misses.map((m) => `${m.expected} → ${m.got.severity}: ${m.text}`).join('\n');
    console.log(`holdout ${name}: ${results.length - misses.length}/${results.length} exact (${(accuracy * 100).toFixed(1)}%)${detail ? `\n${detail}` : ''}`);
    assert.ok(accuracy >= 0.9, detail);
  });

  it('catches every crisis statement', () => {
    const crises = results.filter((r) => r.expected === 'crisis');
    const missed = crises.filter((r) => r.got.severity !== 'crisis').map((r) => r.text);
    console.log(`holdout ${name} crisis recall: ${crises.length - missed.length}/${crises.length}`);
    assert.deepEqual(missed, []);
  });

  it('raises no crisis on a non-crisis sentence', () => {
    const falseAlarms = results.filter((r) => r.expected !== 'crisis' && r.got.severity === 'crisis').map((r) => r.text);
    assert.deepEqual(falseAlarms, []);
  });
});
