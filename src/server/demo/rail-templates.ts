// TER Azur's saved replies and scenario playbooks.
import type { ScenarioRefs, ScenarioSeed, TemplateSeed } from './demo-types.ts';

export const railTemplates: readonly TemplateSeed[] = [
  {
    name: 'Retard : procédure d\'indemnisation', language: 'fr', intent: 'delay_compensation',
    body: "Bonjour,\n\nToutes nos excuses pour ce retard. Au-delà de 30 minutes, vous pouvez demander une indemnisation depuis l'espace « Garantie ponctualité » du site, avec votre référence de billet. L'indemnisation est versée sous forme de bon d'achat sous 15 jours.\n\nBien cordialement,\nService client TER Azur",
  },
  {
    name: 'Delay compensation', language: 'en', intent: 'delay_compensation',
    body: "Hello,\n\nWe're sorry about the delay. For delays over 30 minutes, you can claim compensation on our website under \"Punctuality guarantee\" with your booking reference. It is paid as a voucher within 15 days.\n\nKind regards,\nTER Azur Customer Care",
  },
  {
    name: 'Train supprimé : remboursement', language: 'fr', intent: 'refund_request',
    body: "Bonjour,\n\nVotre train a bien été supprimé : votre billet est remboursable intégralement et sans frais. Le remboursement est lancé et apparaîtra sur votre moyen de paiement sous 5 à 7 jours ouvrés.\n\nBien cordialement,\nService client TER Azur",
  },
  {
    name: 'Objet perdu : démarche', language: 'fr', intent: 'lost_and_found',
    body: "Bonjour,\n\nLes objets trouvés à bord sont déposés sous 48 h au terminus du train. Faites une déclaration de perte en ligne (rubrique « Objets trouvés ») : vous serez prévenu par e-mail dès qu'un objet correspond à votre description.\n\nBien cordialement,\nService client TER Azur",
  },
  {
    name: 'Lost property', language: 'en', intent: 'lost_and_found',
    body: "Hello,\n\nItems found on board are taken to the train's terminus within 48 hours. Please file a lost property report on our website and we'll e-mail you as soon as a matching item is found.\n\nKind regards,\nTER Azur Customer Care",
  },
  {
    name: 'Vélo à bord', language: 'fr', intent: 'bike_on_board',
    body: 'Bonjour, les vélos voyagent gratuitement dans tous nos TER, dans la limite des emplacements disponibles (6 à 8 par train). Un vélo plié dans une housse est accepté comme un bagage, à toute heure. Bon voyage !',
  },
  {
    name: 'Grève : plan de transport', language: 'fr', intent: 'strike_information',
    body: "Bonjour, le plan de transport est publié la veille à 17 h dans l'appli et sur le site (rubrique « Info trafic »). Les abonnés sont compensés automatiquement sur le mois suivant, sans démarche.",
  },
  {
    name: 'Assistance PMR : réservation', language: 'fr', intent: 'accessibility_assistance',
    body: "Bonjour,\n\nLe service d'assistance est gratuit. Réservez-le au plus tard 24 h avant le départ, en ligne ou par téléphone : un agent vous attendra au point de rendez-vous de la gare 30 minutes avant le départ et à votre arrivée.\n\nBien cordialement,\nService client TER Azur",
  },
  {
    name: 'Accessibility assistance', language: 'en', intent: 'accessibility_assistance',
    body: 'Hello, assistance is free of charge. Please book it at least 24 hours before departure online or by phone; staff will meet you at the station meeting point 30 minutes before departure and on arrival.',
  },
  {
    name: 'Modération : propos insultants', language: 'fr',
    body: "Bonjour,\n\nNous entendons votre mécontentement, mais nous ne pouvons pas accepter des propos insultants envers nos équipes. Nous restons à votre disposition pour traiter votre demande dans le respect de chacun.\n\nService client TER Azur",
  },
  {
    name: 'Crise : orientation 3114', language: 'fr',
    body: "Merci de nous avoir écrit. Vous n'êtes pas seul : si vous pensez à mettre fin à vos jours, appelez dès maintenant le 3114 (gratuit, 24 h/24), ou le 112 en cas d'urgence. Un membre de notre équipe reste disponible ici pour vous.",
  },
  {
    name: 'Demande de référence de billet', language: 'fr',
    body: 'Bonjour, pour traiter votre demande, pourriez-vous nous indiquer en message privé votre référence de billet (6 lettres) et la date du trajet ? Merci !',
  },
];

/** Trigger and step shapes are the playbook format the scenario engine reads: match on triage, then act. */
export function railScenarios(refs: ScenarioRefs): ScenarioSeed[] {
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
        { type: 'note', body: 'Protocole crise : réponse humaine sous 15 minutes, jamais de réponse automatique.' },
      ],
    },
    {
      name: 'Retard > 30 min : indemnisation',
      trigger: { on: 'conversation.triaged', match: { intent: ['delay_compensation'], minConfidence: 0.7, language: ['fr', 'en'] } },
      steps: [
        { type: 'reply_template', templateIds: { fr: refs.templates['Retard : procédure d\'indemnisation'], en: refs.templates['Delay compensation'] } },
        { type: 'tag', tags: ['indemnisation'] },
        { type: 'set', status: 'pending' },
      ],
    },
    {
      name: 'Propos injurieux : modération',
      trigger: { on: 'conversation.triaged', match: { severity: ['abusive'] } },
      steps: [
        { type: 'route', teamId: refs.teams.core },
        { type: 'suggest_template', templateId: refs.templates['Modération : propos insultants'] },
        { type: 'tag', tags: ['moderation'] },
      ],
    },
    {
      name: 'Réclamations e-mail : prestataire',
      enabled: false,
      trigger: { on: 'conversation.triaged', match: { channel: ['email', 'web_form'], severity: ['normal', 'complaint'], level: [3] } },
      steps: [{ type: 'route', teamId: refs.teams.provider }],
    },
  ];
}
