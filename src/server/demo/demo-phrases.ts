// Phrases shared by both demo brands: how tone changes with severity, and customer names.
import type { Lang, Person, Texts } from './demo-types.ts';

/** Added to the customer's message so the severity reads in the text, as triage would see it. */
export const complaintLines: Texts = {
  fr: [
    "C'est la deuxième fois que cela m'arrive.",
    'Je suis vraiment déçu par votre service.',
    'Je trouve cela inacceptable pour le prix payé.',
    'Je souhaite déposer une réclamation officielle.',
    "Ce n'est pas la première fois, et personne ne m'a jamais répondu clairement.",
  ],
  en: [
    'This is the second time this has happened to me.',
    "I'm really disappointed with your service.",
    "I'd like to file a formal complaint.",
  ],
};

export const angryOpeners: Texts = {
  fr: ["C'EST INADMISSIBLE.", 'Vous vous moquez vraiment du monde.', 'Je suis furieux.', 'Encore vous, encore le même problème !!!'],
  en: ['This is UNACCEPTABLE.', "I'm absolutely furious.", 'Seriously?!'],
};

export const angryClosers: Texts = {
  fr: [
    "J'attends une réponse AUJOURD'HUI, pas dans trois semaines.",
    'Je vais saisir le médiateur et en parler partout autour de moi.',
    "Si rien n'est fait je porte l'affaire devant une association de consommateurs.",
    'Troisième message sans réponse, bravo.',
  ],
  en: ['I expect an answer TODAY.', "I'll be telling everyone I know about this.", 'Third message without a reply. Well done.'],
};

export const abusiveLines: Texts = {
  fr: [
    "Bande d'incapables.",
    'Vous êtes des escrocs, ni plus ni moins.',
    'Votre service client, c\'est une bande de guignols incompétents.',
    'Allez vous faire voir avec vos excuses toutes faites.',
  ],
  en: ["You're a bunch of useless clowns.", 'Scammers, the lot of you.', 'Stop wasting my time with your garbage excuses, idiots.'],
};

export const empathyLines: Texts = {
  fr: [
    'Toutes nos excuses pour ces désagréments, votre agacement est légitime.',
    'Nous comprenons votre colère et vous présentons nos excuses.',
    "Nous sommes navrés d'avoir dû vous faire relancer : votre dossier est désormais traité en priorité.",
  ],
  en: ["We're sorry for the trouble, and your frustration is understandable.", 'We understand your anger and apologise.'],
};

export const moderationReplies: Texts = {
  fr: [
    "Nous entendons votre mécontentement, mais nous ne pouvons pas accepter des propos insultants envers nos équipes. Nous restons à votre disposition pour traiter votre demande dans le respect de chacun : indiquez-nous simplement les éléments de votre dossier.",
    "Nos conseillers sont là pour vous aider et méritent le respect. Si vous souhaitez que nous traitions votre demande, merci de reformuler votre message sans insultes : nous y répondrons avec plaisir.",
  ],
  en: [
    "We hear your frustration, but we can't accept insults towards our team. We're still here to handle your request respectfully: just send us the details of your case.",
  ],
};

/** Internal notes by severity, in French like the rest of the team's working language. */
export const severityNotes: Record<'complaint' | 'angry' | 'abusive' | 'normal', readonly string[]> = {
  normal: [
    'Dossier vérifié dans le back-office, rien d\'anormal.',
    'Client rappelé par téléphone : il confirme, on peut clôturer après réponse.',
    "Réponse type adaptée, penser à mettre à jour l'article de la base de connaissances si la question revient.",
    'Cas simple, pourrait être traité au niveau 1 : à signaler pour l\'entraînement du tri.',
  ],
  complaint: [
    'Réclamation formelle : à enregistrer dans le suivi qualité du mois.',
    'Client de longue date, geste commercial possible si le dossier est confirmé.',
    'Deuxième contact sur le même sujet : garder le même conseiller jusqu\'à la clôture.',
  ],
  angry: [
    'Client très remonté mais demande légitime : traiter sur le fond, geste commercial à valider avec le superviseur.',
    'Ton agressif, pas d\'insulte : réponse prioritaire et personnalisée, pas de réponse type.',
    'Risque de bad buzz (compte suivi) : superviseur en copie.',
  ],
  abusive: [
    'Propos injurieux : message de modération envoyé. Si récidive, clôturer sans suite.',
    "Insultes envers l'équipe : capture conservée, rappel des règles envoyé, on traite la demande si elle est reformulée.",
  ],
};

export const firstNames: Record<Lang, readonly string[]> = {
  fr: [
    'Camille', 'Léa', 'Manon', 'Chloé', 'Sarah', 'Inès', 'Julie', 'Émilie', 'Nathalie', 'Sandrine', 'Isabelle', 'Aurélie',
    'Mathilde', 'Lucie', 'Pauline', 'Fatima', 'Yasmine', 'Océane', 'Brigitte', 'Monique', 'Lucas', 'Hugo', 'Thomas',
    'Nicolas', 'Julien', 'Maxime', 'Antoine', 'Romain', 'Karim', 'Mehdi', 'Mohamed', 'Pierre', 'Jean-Marc', 'Philippe',
    'Olivier', 'Stéphane', 'Bernard', 'Gérard', 'Théo', 'Enzo', 'Baptiste', 'Quentin', 'Rachid', 'Yannick', 'Sébastien',
  ],
  en: [
    'Emma', 'Olivia', 'Sophie', 'Charlotte', 'Hannah', 'Grace', 'Emily', 'Laura', 'James', 'Oliver', 'Jack', 'Harry',
    'George', 'Daniel', 'Michael', 'David', 'Ryan', 'Tom', 'Liam', 'Noah', 'Anna', 'Lukas', 'Sven', 'Marco',
  ],
};

export const lastNames: Record<Lang, readonly string[]> = {
  fr: [
    'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent',
    'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André',
    'Mercier', 'Blanc', 'Guerin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Perrin', 'Robin',
    'Clément', 'Morin', 'Nicolas', 'Henry', 'Rousseau', 'Mathieu', 'Benali', 'Haddad', 'Nguyen', 'Ferreira', 'Rossi',
    'Giraud', 'Bonnet', 'Lambert', 'Fontaine', 'Marchand', 'Aubert', 'Brun', 'Pons', 'Arnaud', 'Meunier', 'Barbier',
  ],
  en: [
    'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Evans', 'Walker', "O'Connor",
    'Murphy', 'Schneider', 'Jansen', 'Bianchi', 'Hughes', 'Clarke', 'Wright', 'Miller', 'Anderson',
  ],
};

/** ASCII, lower case: names become plausible e-mail addresses and forum handles. */
export function asciiSlug(text: string, separator = '.'): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}|\\${separator}$`, 'g'), '');
}

export const fullName = (p: Person) => `${p.first} ${p.last}`;
export const initials = (p: Person) => `${p.first[0]}${p.last[0]}`.toUpperCase();
