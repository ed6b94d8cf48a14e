// Maison Lumière: a (fictional) online shop for lighting, linen clothing and home textiles.
import type { BrandContent } from './demo-types.ts';
import { shopTopics } from './shop-topics.ts';
import { shopTopicsMore } from './shop-topics-more.ts';
import { shopArticles } from './shop-articles.ts';
import { shopScenarios, shopTemplates } from './shop-templates.ts';

const LIGHTS = {
  fr: ['la lampe de chevet Opaline', 'la suspension en rotin Ondine', "l'applique murale Laiton", 'la guirlande lumineuse Étoiles', 'la lampe à poser Dune'],
  en: ['the Opaline bedside lamp', 'the Ondine rattan pendant light', 'the Laiton brass wall light', 'the Étoiles string lights', 'the Dune table lamp'],
};
const CLOTHES = {
  fr: ['la robe en lin Camille', 'la chemise en lin Arthur', 'le pull en cachemire Lison', 'le pantalon large Jeanne', 'la veste en velours Marius'],
  en: ['the Camille linen dress', 'the Arthur linen shirt', 'the Lison cashmere jumper', 'the Jeanne wide-leg trousers', 'the Marius corduroy jacket'],
};
const LINENS = {
  fr: ['la parure de lit en lin lavé', 'le plaid en laine mérinos', 'le coussin en velours terracotta', 'les serviettes en nid d\'abeille'],
  en: ['the washed linen bedding set', 'the merino wool throw', 'the terracotta velvet cushion', 'the waffle towels'],
};
const DECOR = {
  fr: ['le vase en grès Sable', 'la bougie parfumée Figuier', 'le miroir rond Soleil'],
  en: ['the Sable stoneware vase', 'the Fig scented candle', 'the Soleil round mirror'],
};
const SIZES = ['36', '38', '40', '42'];

export const shopBrand: BrandContent = {
  name: 'Maison Lumière',
  slug: 'maison-lumiere',
  domain: 'maison-lumiere.demo',
  signature: { fr: 'Le service client Maison Lumière', en: 'Maison Lumière Customer Care' },
  xHandle: '@MaisonLumiere',
  channels: [
    { type: 'email', name: 'E-mail service client', weight: 22 },
    { type: 'chat', name: 'Chat boutique', weight: 18 },
    { type: 'sms', name: 'SMS suivi de commande', weight: 5 },
    { type: 'facebook', name: 'Facebook Maison Lumière', weight: 9 },
    { type: 'instagram', name: 'Instagram @maisonlumiere', weight: 13 },
    { type: 'x', name: 'X @MaisonLumiere', weight: 5 },
    { type: 'community', name: 'Communauté Maison Lumière', weight: 10 },
    { type: 'web_form', name: 'Formulaire de contact', weight: 12 },
    { type: 'api', name: 'Marketplace (API)', weight: 6 },
  ],
  teams: {
    core: { name: 'Service client', skills: ['commandes', 'remboursements', 'reclamations', 'crise'] },
    experts: { name: 'Ambassadeurs Maison Lumière', skills: ['conseil-taille', 'entretien', 'decoration'] },
    provider: {
      orgName: 'Nordline Relation Client', orgSlug: 'nordline-relation-client', domain: 'nordline.demo',
      teamName: 'Nordline – équipe Lille', skills: ['order_tracking', 'delivery_issue', 'return_request'],
    },
  },
  staff: {
    admin: { first: 'Claire', last: 'Dubois' },
    supervisor: { first: 'Antoine', last: 'Roux' },
    agents: [{ first: 'Léa', last: 'Marchand' }, { first: 'Hugo', last: 'Lambert' }, { first: 'Yasmine', last: 'Amrani' }],
    providerAgents: [{ first: 'Maxime', last: 'Delattre' }, { first: 'Samira', last: 'Bouzid' }, { first: 'Kevin', last: 'Lemaire' }],
    experts: [{ first: 'Isabelle', last: 'Caron' }, { first: 'Paul', last: 'Mercier' }, { first: 'Chloé', last: 'Renaud' }],
    botName: 'Assistant Maison Lumière',
  },
  confidentialTopics: ['payment_issue'],
  expertSkills: [
    { topics: ['size_advice', 'product_availability'], languages: ['fr', 'en'] },
    { topics: ['defective_product', 'warranty_claim'], languages: ['fr'] },
    { topics: ['size_advice', 'promo_code'], languages: ['fr'] },
  ],
  conversationCount: 180,
  severityCounts: { crisis: 2, abusive: 2, angry: 5, complaint: 24 },
  segments: { fr: ['nouveau client', 'fidèle', 'fidèle', 'vip', 'occasionnel'], en: ['international', 'nouveau client'] },
  slots: {
    common: {
      commande: (rng) => `ML-${rng.int(240000, 259999)}`,
      transporteur: ['Colissimo', 'Chronopost', 'Mondial Relay', 'DPD', 'UPS'],
      jours: (rng) => String(rng.int(3, 12)),
      code: ['LUMIERE10', 'BIENVENUE15', 'SOLDES20', 'AUTOMNE15', 'PARRAIN10'],
      taille: SIZES,
      taille2: (_rng, get) => String(Number(get('taille')) + 2),
    },
    fr: {
      luminaire: LIGHTS.fr,
      vetement: CLOTHES.fr,
      textile: [...CLOTHES.fr, ...LINENS.fr],
      produit: [...LIGHTS.fr, ...CLOTHES.fr, ...LINENS.fr, ...DECOR.fr],
      montant: (rng) => `${rng.int(19, 289)},${rng.pick(['00', '90', '50'])} €`,
      remise: (rng) => `${rng.int(5, 30)},${rng.pick(['00', '50', '90'])} €`,
      date: ['lundi dernier', 'il y a dix jours', 'la semaine dernière', 'le 3', 'le 14', 'vendredi'],
      ville: ['Lyon', 'Nantes', 'Lille', 'Bordeaux', 'Rennes', 'Strasbourg', 'Montpellier', 'Toulouse'],
    },
    en: {
      luminaire: LIGHTS.en,
      vetement: CLOTHES.en,
      textile: [...CLOTHES.en, ...LINENS.en],
      produit: [...LIGHTS.en, ...CLOTHES.en, ...LINENS.en, ...DECOR.en],
      montant: (rng) => `€${rng.int(19, 289)}.${rng.pick(['00', '90', '50'])}`,
      remise: (rng) => `€${rng.int(5, 30)}.${rng.pick(['00', '50', '90'])}`,
      date: ['last Monday', 'ten days ago', 'last week', 'on the 14th'],
      ville: ['Brussels', 'Geneva', 'London', 'Dublin', 'Amsterdam'],
    },
  },
  topics: [...shopTopics, ...shopTopicsMore],
  crises: [
    {
      intent: 'personal_distress', lang: 'fr', channel: 'email', subject: 'Ma commande {commande}',
      opener: "Cette commande, c'était le cadeau d'anniversaire de ma fille, que je n'ai pas vue depuis deux ans. Elle n'est pas arrivée et c'est la chose de trop. Je n'ai plus la force de continuer, je ne sais pas si je serai encore là la semaine prochaine.",
      reply: "Merci de nous avoir écrit, et nous sommes vraiment désolés pour cette commande. Ce que vous nous dites nous inquiète pour vous : si vous pensez à mettre fin à vos jours, appelez dès maintenant le 3114 (gratuit, 24 h/24), ou le 112 en cas d'urgence. De notre côté, un nouveau colis part aujourd'hui en livraison express et je vous tiens informé personnellement. Je reste joignable ici.",
      notes: [
        'Protocole crise : propos suicidaires. Superviseur prévenu, 3114 communiqué, réexpédition express offerte.',
        'Relancer demain matin si pas de nouvelles. Ne pas clôturer sans échange avec le client.',
      ],
    },
    {
      intent: 'threat', lang: 'en', channel: 'chat', subject: null,
      opener: "If my refund for {commande} isn't in my account by Friday I'm coming to your warehouse near Lyon and someone is going to get hurt. I know exactly where it is.",
      reply: "We take what you've written seriously: threats against our staff are not acceptable and this message has been passed on to our security team. We do want to sort out your refund: it was issued this morning and should reach your account within 3 working days. You'll receive a confirmation e-mail.",
      notes: [
        "Menace contre le personnel de l'entrepôt : direction et responsable entrepôt prévenus, capture conservée.",
        'Remboursement vérifié et émis. Toute nouvelle menace : dépôt de plainte.',
      ],
    },
  ],
  botReplies: {
    fr: [
      "Bonjour, je suis l'assistant de Maison Lumière. Cet article devrait vous aider : « {article} ». Si ce n'est pas le cas, répondez à ce message, un conseiller prendra le relais.",
      'Bonjour ! Tout est expliqué ici : « {article} ». Vous souhaitez parler à quelqu\'un ? Répondez simplement « conseiller ».',
    ],
    en: ["Hi, I'm Maison Lumière's assistant. This article should help: \"{article}\". If it doesn't, just reply and someone from our team will take over."],
  },
  expertLeadIns: {
    fr: ["Fidèle à la marque depuis des années, j'ai eu le même souci.", 'Bonne question !', "J'ai déjà eu le cas, je vous explique."],
    en: ['Long-time customer here, I had the same question.', "I've been through this before."],
  },
  finalReplies: {
    fr: [
      "C'est réglé de notre côté, vous recevrez une confirmation par e-mail. Belle journée !",
      'Merci pour ces précisions, tout est en ordre. N\'hésitez pas si vous avez la moindre question.',
      "Nous avons fait le nécessaire : vous serez informé par e-mail de chaque étape.",
    ],
    en: ["All sorted on our side, you'll get a confirmation e-mail. Have a lovely day!", 'Thanks for the details, everything is in order now.'],
  },
  thanks: {
    fr: ['Merci beaucoup !', "Top, merci pour la réactivité.", 'Parfait, bonne journée.', 'Merci, c\'est très gentil.'],
    en: ['Thank you so much!', 'Great, thanks.', 'Perfect, have a nice day.'],
  },
  nudges: {
    fr: ['Bonjour, toujours sans nouvelles…', 'Une réponse serait appréciée.', 'Je relance ma demande.'],
    en: ['Any news?', 'Still waiting, thanks.'],
  },
  articles: shopArticles,
  templates: shopTemplates,
  scenarios: shopScenarios,
};
