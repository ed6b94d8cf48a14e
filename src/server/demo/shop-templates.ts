// Maison Lumière's saved replies and scenario playbooks.
import type { ScenarioRefs, ScenarioSeed, TemplateSeed } from './demo-types.ts';

const SIGN_FR = '\n\nBelle journée,\nLe service client Maison Lumière';
const SIGN_EN = '\n\nBest wishes,\nMaison Lumière Customer Care';

export const shopTemplates: readonly TemplateSeed[] = [
  {
    name: 'Suivi de commande', language: 'fr', intent: 'order_tracking',
    body: `Bonjour,\n\nVotre commande a bien été expédiée. Vous pouvez suivre sa livraison à tout moment depuis « Mes commandes », où figure le lien de suivi du transporteur. Les commandes sont livrées en 2 à 4 jours ouvrés en France métropolitaine.${SIGN_FR}`,
  },
  {
    name: 'Order tracking', language: 'en', intent: 'order_tracking',
    body: `Hello,\n\nYour order has shipped. You can follow its delivery at any time under "My orders", where you'll find the carrier's tracking link. International deliveries take 4 to 7 working days.${SIGN_EN}`,
  },
  {
    name: 'Retour : étiquette prépayée', language: 'fr', intent: 'return_request',
    body: `Bonjour,\n\nVous disposez de 30 jours après réception pour nous retourner un article. Générez votre étiquette prépayée depuis « Mes commandes » > « Retourner un article », puis déposez votre colis dans le point relais de votre choix.${SIGN_FR}`,
  },
  {
    name: 'Returns', language: 'en', intent: 'return_request',
    body: `Hello,\n\nYou have 30 days from delivery to return an item. Create your prepaid label under "My orders" > "Return an item" and drop the parcel at any pick-up point.${SIGN_EN}`,
  },
  {
    name: 'Remboursement émis', language: 'fr', intent: 'refund_request',
    body: `Bonjour,\n\nVotre remboursement a été émis aujourd'hui sur votre moyen de paiement d'origine. Selon votre banque, il apparaîtra sur votre compte sous 3 à 5 jours ouvrés.${SIGN_FR}`,
  },
  {
    name: 'Colis endommagé : remplacement', language: 'fr', intent: 'delivery_issue',
    body: `Bonjour,\n\nToutes nos excuses pour ce colis abîmé. Pourriez-vous nous envoyer une photo du carton et de l'article ? Dès réception, nous vous expédions un remplacement en livraison express, sans qu'il soit nécessaire de nous renvoyer l'article.${SIGN_FR}`,
  },
  {
    name: 'Guide des tailles', language: 'fr', intent: 'size_advice',
    body: "Bonjour ! Nos pièces en lin ont une coupe ample : entre deux tailles, prenez la plus petite. Les mesures à plat de chaque taille sont dans l'onglet « Guide des tailles » de la fiche produit.",
  },
  {
    name: 'Code promo : conditions', language: 'fr', intent: 'promo_code',
    body: "Bonjour, nos codes promo s'appliquent dès 60 € d'achat, hors articles déjà remisés, et ne sont pas cumulables entre eux. Saisissez-le à l'étape « Panier », avant le paiement.",
  },
  {
    name: 'Demande de numéro de commande', language: 'fr',
    body: 'Bonjour, pour vérifier cela, pourriez-vous nous envoyer votre numéro de commande (ML-…) en message privé ? Merci !',
  },
  {
    name: 'Order number request', language: 'en',
    body: 'Hi! Could you send us your order number (ML-…) in a private message so we can look into it? Thanks!',
  },
  {
    name: 'Modération : propos insultants', language: 'fr',
    body: `Bonjour,\n\nNous comprenons votre agacement, mais nous ne pouvons pas accepter d'insultes envers notre équipe. Nous restons à votre écoute pour régler votre demande dans le respect de chacun.${SIGN_FR}`,
  },
];

/** Trigger and step shapes are the playbook format the scenario engine reads: match on triage, then act. */
export function shopScenarios(refs: ScenarioRefs): ScenarioSeed[] {
  return [
    {
      name: 'Crise : alerte immédiate',
      trigger: { on: 'conversation.triaged', match: { severity: ['crisis'] } },
      steps: [
        { type: 'set', level: 3, priority: 4 },
        { type: 'route', teamId: refs.teams.core },
        { type: 'assign', userId: refs.users.supervisor },
        { type: 'notify', roles: ['supervisor', 'admin'], urgent: true },
        { type: 'tag', tags: ['crise'] },
      ],
    },
    {
      name: 'Suivi de commande : réponse automatique',
      trigger: { on: 'conversation.triaged', match: { intent: ['order_tracking'], minConfidence: 0.8, severity: ['normal'] } },
      steps: [
        { type: 'reply_template', templateIds: { fr: refs.templates['Suivi de commande'], en: refs.templates['Order tracking'] } },
        { type: 'set', status: 'resolved' },
      ],
    },
    {
      name: 'Questions de taille : ambassadeurs',
      trigger: { on: 'conversation.triaged', match: { intent: ['size_advice'], channel: ['community', 'instagram', 'facebook'] } },
      steps: [{ type: 'set', level: 2 }, { type: 'route', teamId: refs.teams.experts }],
    },
  ];
}
