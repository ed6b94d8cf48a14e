// TER Azur: a (fictional) regional rail operator on the Mediterranean coast, with an outsourced provider.
import type { BrandContent } from './demo-types.ts';
import { pad2 } from './demo-random.ts';
import { railTopics } from './rail-topics.ts';
import { railTopicsMore } from './rail-topics-more.ts';
import { railArticles } from './rail-articles.ts';
import { railScenarios, railTemplates } from './rail-templates.ts';

const STATIONS = [
  'Marseille Saint-Charles', 'Nice-Ville', 'Toulon', 'Cannes', 'Antibes', 'Aix-en-Provence', 'Avignon Centre', 'Menton',
  'Grasse', 'Hyères', 'Saint-Raphaël-Valescure', 'Les Arcs-Draguignan', 'Aubagne', 'La Ciotat', 'Cagnes-sur-Mer',
  'Monaco-Monte-Carlo', 'Vintimille', 'Arles', 'Miramas', 'Sisteron',
];

export const railBrand: BrandContent = {
  name: 'TER Azur',
  slug: 'ter-azur',
  domain: 'ter-azur.demo',
  signature: { fr: 'Service client TER Azur', en: 'TER Azur Customer Care' },
  xHandle: '@TERAzur',
  channels: [
    { type: 'email', name: 'E-mail service client', weight: 22 },
    { type: 'chat', name: 'Chat du site', weight: 14 },
    { type: 'sms', name: 'SMS info voyageurs', weight: 7 },
    { type: 'facebook', name: 'Facebook TER Azur', weight: 10 },
    { type: 'instagram', name: 'Instagram @ter.azur', weight: 5 },
    { type: 'x', name: 'X @TERAzur', weight: 14 },
    { type: 'community', name: 'Forum des voyageurs', weight: 12 },
    { type: 'web_form', name: 'Formulaire de réclamation', weight: 11 },
    { type: 'api', name: 'Appli mobile (API)', weight: 5 },
  ],
  teams: {
    core: { name: 'Équipe relation client', skills: ['reclamations', 'crise', 'reseaux-sociaux', 'indemnisation'] },
    experts: { name: 'Experts de la communauté', skills: ['horaires', 'velo', 'abonnements'] },
    provider: {
      orgName: 'Atlantique Services', orgSlug: 'atlantique-services', domain: 'atlantique-services.demo',
      teamName: 'Atlantique Services – plateau Marseille', skills: ['remboursements', 'reservations', 'objets-trouves'],
    },
  },
  staff: {
    admin: { first: 'Nathalie', last: 'Garnier' },
    supervisor: { first: 'Julien', last: 'Moreau' },
    agents: [{ first: 'Sophie', last: 'Lefèvre' }, { first: 'Karim', last: 'Benali' }, { first: 'Élodie', last: 'Fabre' }],
    providerAgents: [{ first: 'Thomas', last: 'Giraud' }, { first: 'Inès', last: 'Haddad' }],
    experts: [{ first: 'Gérard', last: 'Pons' }, { first: 'Laura', last: 'Vidal' }, { first: 'Mehdi', last: 'Cherif' }],
    botName: 'Assistant TER Azur',
  },
  confidentialTopics: ['fine_dispute'],
  expertSkills: [
    { topics: ['timetable_information', 'strike_information'], languages: ['fr'] },
    { topics: ['bike_on_board', 'accessibility_assistance', 'timetable_information'], languages: ['fr', 'en'] },
    { topics: ['subscription_management', 'discount_card'], languages: ['fr'] },
  ],
  conversationCount: 220,
  severityCounts: { crisis: 2, abusive: 3, angry: 6, complaint: 30 },
  segments: { fr: ['abonné', 'occasionnel', 'abonné', 'jeune', 'entreprise', 'senior'], en: ['touriste', 'occasionnel'] },
  slots: {
    common: {
      gare: STATIONS,
      gare2: (rng, get) => rng.pickOther(STATIONS, get('gare')),
      train: (rng) => `${rng.pick(['86', '87'])}${rng.digits(4)}`,
      // Over 30 minutes: the threshold the compensation answers quote.
      minutes: (rng) => String(rng.int(31, 95)),
      ref: (rng) => rng.letters(6),
      abonnement: ['Pass Azur Mensuel', 'Pass Azur Annuel', 'Pass Azur Jeune', 'Pass Azur Solidaire'],
      carte: ['Carte Azur Liberté', 'Carte Azur Senior', 'Carte Azur Famille', 'Carte Azur Jeune'],
    },
    fr: {
      heure: (rng) => `${rng.int(5, 21)}h${pad2(rng.int(0, 59))}`,
      jour: ['hier', 'ce matin', 'hier soir', 'lundi', 'mardi dernier', 'vendredi dernier', 'samedi', 'le 12'],
      jourfutur: ['demain', 'jeudi', 'mardi prochain', 'samedi', 'lundi 14'],
      montant: (rng) => `${rng.int(6, 58)},${rng.pick(['00', '20', '50', '80', '90'])} €`,
      objet: [
        'mon sac à dos noir', 'une veste en jean', 'mes lunettes de vue dans un étui bleu', 'un ordinateur portable gris',
        'mon portefeuille marron', 'le doudou lapin de ma fille', 'mes clés (porte-clés en cuir rouge)', 'une trottinette pliante',
      ],
      voiture: (rng) => `voiture ${rng.int(1, 6)}`,
    },
    en: {
      heure: (rng) => `${rng.int(5, 21)}:${pad2(rng.int(0, 59))}`,
      jour: ['yesterday', 'this morning', 'last night', 'on Monday', 'last Friday'],
      jourfutur: ['tomorrow', 'on Thursday', 'next Monday'],
      montant: (rng) => `€${rng.int(6, 58)}.${rng.pick(['00', '20', '50', '80'])}`,
      objet: ['a black backpack', 'my glasses in a blue case', 'a grey laptop', 'my brown wallet', "my daughter's stuffed rabbit"],
      voiture: (rng) => `coach ${rng.int(1, 6)}`,
    },
  },
  topics: [...railTopics, ...railTopicsMore],
  crises: [
    {
      intent: 'personal_distress', lang: 'fr', channel: 'chat', subject: null,
      opener: "Je vous écris parce que je n'en peux plus. J'ai encore raté mon train ce matin, j'ai perdu mon travail la semaine dernière à cause des retards à répétition et je ne vois plus comment m'en sortir. Honnêtement, je pense à en finir.",
      reply: "Merci de nous avoir écrit. Ce que vous traversez compte pour nous et vous n'êtes pas seul. Si vous pensez à mettre fin à vos jours, vous pouvez appeler dès maintenant le 3114 (numéro national de prévention du suicide, gratuit, 24 h/24), ou le 112 en cas d'urgence. Je reste disponible ici et je m'occupe personnellement de votre dossier de retards. Êtes-vous en sécurité en ce moment ?",
      notes: [
        'Protocole crise déclenché : message évoquant un risque suicidaire. Superviseur prévenu, 3114 communiqué.',
        'Sans réponse du client dans l\'heure : relancer sur le chat, puis par e-mail. Ne pas clôturer.',
      ],
    },
    {
      intent: 'threat', lang: 'fr', channel: 'web_form', subject: 'Contrôleur du {train}',
      opener: "Le contrôleur du TER {train} de {heure} m'a humilié devant tout le wagon. Je sais à quelle gare il descend tous les soirs. La prochaine fois que je le croise, il va le regretter, je vous le garantis.",
      reply: "Nous prenons votre message très au sérieux. Les menaces envers nos agents ne sont pas acceptables : ce message a été transmis à notre service sûreté. Si vous souhaitez signaler le comportement de notre agent, nous examinerons votre réclamation de manière impartiale : décrivez-nous les faits (date, train, voiture) en réponse à ce message.",
      notes: [
        'Menace explicite contre un contrôleur : signalée à la sûreté ferroviaire et au manager du contrôleur.',
        "Ne jamais communiquer le nom ni le roulement de l'agent. Garder la conversation au niveau 3.",
      ],
    },
  ],
  botReplies: {
    fr: [
      "Bonjour, je suis l'assistant virtuel de TER Azur. Cet article devrait répondre à votre question : « {article} ». Si ce n'est pas le cas, répondez simplement à ce message et un conseiller prendra le relais.",
      "Bonjour ! Vous trouverez la marche à suivre dans notre article « {article} ». Besoin d'autre chose ? Répondez « conseiller » pour parler à un membre de l'équipe.",
    ],
    en: [
      "Hi, I'm TER Azur's virtual assistant. This article should answer your question: \"{article}\". If it doesn't, just reply and a member of our team will take over.",
    ],
  },
  expertLeadIns: {
    fr: ["J'ai eu exactement le même cas le mois dernier.", 'Bonne question, ça revient souvent ici.', 'Je vous explique comment ça marche.'],
    en: ['I had the same issue last month.', 'Good question, this comes up a lot here.'],
  },
  finalReplies: {
    fr: [
      'Merci pour ces précisions. Votre dossier est traité : vous recevrez une confirmation par e-mail sous 48 h.',
      "C'est fait de notre côté. N'hésitez pas à revenir vers nous si besoin, bon voyage !",
      "Nous avons transmis votre demande au service concerné, qui reviendra vers vous d'ici 5 jours ouvrés.",
      'Parfait, merci pour votre retour ! Nous clôturons la demande. Bon voyage avec TER Azur.',
    ],
    en: ["Thanks for the details. It's done on our side: you'll get a confirmation e-mail within 48 hours.", "We've passed this on to the team in charge; they'll get back to you within 5 working days."],
  },
  thanks: {
    fr: ['Merci beaucoup pour votre réponse rapide !', 'Parfait, merci.', "Merci, c'est réglé.", "Super, merci pour l'info."],
    en: ['Thanks a lot!', 'Great, thank you.', 'Perfect, thanks for the quick reply.'],
  },
  nudges: {
    fr: ['Toujours pas de réponse ?', 'Des nouvelles de mon dossier ?', 'Je relance, merci de me répondre.'],
    en: ['Any update?', 'Still waiting for an answer.'],
  },
  articles: railArticles,
  templates: railTemplates,
  scenarios: railScenarios,
};
