// Small hand-written French + English customer-care dataset for the tests.
import type { IntentExample } from './intent-model.js';

const byLabel: Record<string, string[]> = {
  reservation: [
    'je voudrais faire une réservation pour ce soir',
    'réserver une table pour deux personnes',
    "j'aimerais réserver une chambre pour le week-end",
    'est-ce que je peux réserver pour samedi midi',
    'I would like to book a table for tonight',
    'can I make a reservation for four people',
    'book a room for two nights please',
    'I want to reserve a table on friday',
    'reservation for 8pm tomorrow',
    'une réservation au nom de Dupont',
  ],
  opening_hours: [
    'quels sont vos horaires',
    "à quelle heure ouvrez-vous le dimanche",
    "l'horaire d'ouverture du magasin",
    "vous fermez à quelle heure aujourd'hui",
    'êtes-vous ouverts le lundi',
    'what time do you open',
    'are you open on sunday',
    'what are your opening hours',
    'when do you close today',
    'opening times for the shop',
  ],
  refund: [
    'je veux être remboursé',
    "j'ai été débité deux fois",
    'comment obtenir un remboursement',
    'rembourser ma commande annulée',
    'je demande le remboursement de mon billet',
    'I want a refund',
    'how do I get my money back',
    'I was charged twice for my order',
    'please refund my cancelled order',
    'refund for a damaged item',
  ],
  delivery_status: [
    'où est ma commande',
    'ma livraison est en retard',
    "je n'ai toujours pas reçu mon colis",
    'suivre mon colis',
    'quand vais-je recevoir ma commande',
    'where is my package',
    'my delivery is late',
    'track my order',
    'I have not received my parcel yet',
    'when will my order arrive',
  ],
  password_reset: [
    "j'ai oublié mon mot de passe",
    'réinitialiser mon mot de passe',
    "je n'arrive plus à me connecter",
    'mon compte est bloqué, impossible de me connecter',
    'changer mon mot de passe',
    'I forgot my password',
    'reset my password',
    "I can't log in to my account",
    'my account is locked',
    'how do I change my password',
  ],
};

export const TOY_TRAINING: IntentExample[] = Object.entries(byLabel).flatMap(([label, texts]) =>
  texts.map((text) => ({ text, label })),
);

/** Unseen phrasings (with and without accents, other casing) and their expected label. */
export const TOY_HELD_OUT: IntentExample[] = [
  { text: 'Je souhaite RESERVER une table pour demain soir', label: 'reservation' },
  { text: 'reservation pour deux personnes samedi', label: 'reservation' },
  { text: 'Could I book a table for six?', label: 'reservation' },
  { text: "Quel est l'horaire d'ouverture le samedi ?", label: 'opening_hours' },
  { text: 'What time do you close on Sunday?', label: 'opening_hours' },
  { text: 'Je voudrais un remboursement svp', label: 'refund' },
  { text: 'Can I get a refund for my order?', label: 'refund' },
  { text: "Mon colis n'est toujours pas arrivé", label: 'delivery_status' },
  { text: 'Where is my parcel? It is late', label: 'delivery_status' },
  { text: "J'ai oublie mon mot de passe", label: 'password_reset' },
  { text: 'I need to reset my password', label: 'password_reset' },
];

/** Messages that belong to none of the intents. */
export const TOY_UNRELATED: string[] = [
  'quelle est la capitale de la mongolie',
  'who won the football world cup in 1998',
  'photosynthèse chlorophylle végétaux',
];
