// TER Azur's help centre: what level 1 answers with, and what experts draft and the core team validates.
import type { ArticleSeed } from './demo-types.ts';

export const railArticles: readonly ArticleSeed[] = [
  {
    slug: 'retard-indemnisation', language: 'fr', title: 'Train en retard : comment obtenir une indemnisation',
    intents: ['delay_compensation'], tags: ['retard', 'garantie-ponctualite'],
    body: `Votre train est arrivé avec plus de 30 minutes de retard ? La **Garantie ponctualité** vous permet d'être indemnisé, que vous ayez un billet à l'unité ou un abonnement.

## Billets à l'unité
- Retard de 30 à 59 minutes : 25 % du prix du billet.
- Retard de 60 minutes ou plus : 50 % du prix du billet.

Faites la demande dans les 60 jours suivant le voyage, depuis l'espace « Garantie ponctualité » du site ou de l'appli, avec votre référence de billet (6 lettres). L'indemnisation est versée sous forme de bon d'achat valable un an, sous 15 jours.

## Abonnés
Si plus de 10 % des trains de votre ligne ont eu plus de 15 minutes de retard dans le mois, une remise de 25 % est appliquée automatiquement sur le renouvellement suivant. Aucune démarche n'est nécessaire.

## Frais annexes
Les frais de taxi ou d'hôtel engagés parce que le dernier train a été supprimé ou trop retardé peuvent être pris en charge sur justificatif, dans la limite de 80 € par voyage. Envoyez les factures au service client avec votre référence.`,
  },
  {
    slug: 'delay-compensation', language: 'en', title: 'Delayed train: how to claim compensation',
    intents: ['delay_compensation'], tags: ['delay'],
    body: `If your train arrived more than 30 minutes late, our **Punctuality guarantee** entitles you to compensation.

- 30 to 59 minutes late: 25% of the ticket price.
- 60 minutes or more: 50% of the ticket price.

Claim within 60 days of your journey under "Punctuality guarantee" on the website or in the app, using your 6-letter booking reference. Compensation is paid as a voucher valid for one year, within 15 days.

Season ticket holders do not need to do anything: when more than 10% of trains on their line were over 15 minutes late in a month, a 25% discount is applied automatically to the next renewal.`,
  },
  {
    slug: 'remboursement-billet', language: 'fr', title: 'Se faire rembourser un billet (train supprimé, annulation)',
    intents: ['refund_request'], tags: ['remboursement'],
    body: `Les billets TER Azur sont **échangeables et remboursables sans frais jusqu'à la veille du départ**, depuis « Mes voyages » dans l'appli ou au guichet.

## Votre train a été supprimé
Le billet est remboursé intégralement, même le jour du départ. Le remboursement est automatique pour les billets achetés en ligne ; pour un achat au guichet ou à l'automate, présentez le billet dans n'importe quelle gare.

## Vous ne pouvez plus voyager
- Jusqu'à la veille : remboursement intégral en ligne.
- Le jour du départ : une retenue de 10 % s'applique, sauf sur justificatif (hospitalisation, décès d'un proche).

## Délais
Le remboursement est émis sous 48 h vers le moyen de paiement d'origine. Selon votre banque, comptez 5 à 10 jours ouvrés avant de le voir apparaître sur votre compte.`,
  },
  {
    slug: 'refunds', language: 'en', title: 'Getting a refund on your ticket',
    intents: ['refund_request'], tags: ['refund'],
    body: `Regional tickets can be **exchanged or refunded free of charge until the day before departure** from "My trips" in the app or at any ticket office.

If your train was cancelled, your ticket is refunded in full, even on the day of travel. Online purchases are refunded automatically; for tickets bought at a machine or ticket office, show your ticket at any station.

Refunds are issued within 48 hours to your original payment method. Depending on your bank, it can take 5 to 10 working days to appear on your statement.`,
  },
  {
    slug: 'pass-azur-abonnements', language: 'fr', title: 'Pass Azur : souscrire, modifier ou résilier son abonnement',
    intents: ['subscription_management'], tags: ['abonnement', 'pass-azur'],
    body: `Le **Pass Azur** existe en formule mensuelle ou annuelle, avec des tarifs réduits pour les moins de 26 ans (Pass Azur Jeune) et les bénéficiaires de minima sociaux (Pass Azur Solidaire).

## Souscrire
Depuis votre espace client, rubrique « Mes abonnements ». Le paiement se fait par prélèvement mensuel le 5 du mois. Votre abonnement est chargé sur votre carte Azur ou dans l'appli.

## Changer de formule
Le passage d'une formule à l'autre (par exemple Mensuel vers Jeune) prend effet le mois suivant. Un justificatif d'âge ou de situation vous sera demandé.

## Résilier
Résiliez avant le 20 du mois pour une prise d'effet le mois suivant. Le mois entamé reste dû. L'abonnement annuel peut être résilié après trois mois, sans frais en cas de déménagement ou de changement d'emploi.

## Attestation employeur
Votre employeur prend en charge au moins 50 % de l'abonnement. L'attestation nominative se télécharge dans « Mes abonnements » > « Attestations ».`,
  },
  {
    slug: 'cartes-de-reduction', language: 'fr', title: 'Cartes Azur : quelle carte de réduction choisir ?',
    intents: ['discount_card'], tags: ['carte-reduction'],
    body: `Les cartes Azur donnent droit à des réductions sur tous les TER de la région pendant un an.

| Carte | Pour qui | Réduction |
|---|---|---|
| Carte Azur Liberté | tout le monde | 30 % en semaine, 50 % le week-end |
| Carte Azur Jeune | 12-25 ans | 50 % tous les jours |
| Carte Azur Senior | 60 ans et plus | 40 % tous les jours |
| Carte Azur Famille | jusqu'à 4 accompagnants | 50 % pour tout le groupe le week-end |

**Bon à savoir** : ajoutez la carte dans votre profil (« Mes cartes ») avant de rechercher un trajet, sinon la réduction ne s'applique pas. Le renouvellement n'est pas automatique : un e-mail vous prévient un mois avant l'échéance.

En cas de perte ou de vol, un duplicata est délivré gratuitement une fois par an, en ligne ou au guichet sur présentation d'une pièce d'identité.`,
  },
  {
    slug: 'objets-trouves', language: 'fr', title: 'Objet perdu dans un train ou en gare : que faire ?',
    intents: ['lost_and_found'], tags: ['objets-trouves'],
    body: `Les objets trouvés à bord sont remis par le contrôleur au **terminus du train**, puis déposés sous 48 h au service des objets trouvés de cette gare. Les objets trouvés en gare restent dans la gare concernée.

## Déclarer une perte
Remplissez la déclaration en ligne (rubrique « Objets trouvés ») en décrivant l'objet avec précision : couleur, marque, contenu, train et voiture si vous les connaissez. Vous recevez un numéro de déclaration et un e-mail dès qu'un objet correspond.

## Récupérer l'objet
Au guichet objets trouvés, du lundi au samedi de 9 h à 18 h, sur présentation d'une pièce d'identité et du numéro de déclaration. Des frais de garde de 5 € s'appliquent. L'envoi à domicile est possible pour les petits objets (frais de port en sus).

Les objets sont conservés 3 mois, puis remis à la commune. Les papiers d'identité sont transmis à la préfecture.`,
  },
  {
    slug: 'lost-property', language: 'en', title: 'Lost something on a train or at a station?',
    intents: ['lost_and_found'], tags: ['lost-property'],
    body: `Items found on board are handed in at the **train's terminus** and reach that station's lost property office within 48 hours.

File a lost property report online with as much detail as possible (colour, brand, train, coach). You'll receive a reference number and an e-mail as soon as a matching item is found.

Collect it at the lost property desk, Monday to Saturday from 9 am to 6 pm, with ID and your reference (storage fee: €5). Small items can be posted to you. Items are kept for 3 months.`,
  },
  {
    slug: 'velo-a-bord', language: 'fr', title: 'Voyager avec son vélo dans les TER',
    intents: ['bike_on_board'], tags: ['velo'],
    body: `Le vélo est **gratuit et sans réservation** dans tous les TER Azur, dans la limite des emplacements disponibles (6 à 8 par rame, signalés par un pictogramme sur la porte).

- Aux heures de pointe (7 h – 9 h et 17 h – 19 h en semaine), le contrôleur peut refuser un vélo si la rame est complète : privilégiez les trains voisins.
- De juin à septembre, la réservation d'un emplacement (gratuite) est obligatoire sur les lignes Nice – Tende et Marseille – Miramas via la Côte Bleue.
- Un vélo plié ou démonté dans une housse voyage comme un bagage, sans restriction.

Les vélos électriques sont acceptés dans les mêmes conditions. Les trottinettes électriques doivent être pliées.`,
  },
  {
    slug: 'greve-info-trafic', language: 'fr', title: 'Grève : comment connaître les trains qui circulent',
    intents: ['strike_information'], tags: ['greve', 'info-trafic'],
    body: `En cas de mouvement social, **le plan de transport est publié la veille à 17 h** dans l'appli et sur le site, rubrique « Info trafic ». Il indique train par train ceux qui sont maintenus.

Activez les alertes sur vos trajets favoris dans l'appli pour être prévenu par notification ou SMS.

## Cars de substitution
Sur les lignes les plus fréquentées, des cars remplacent une partie des trains aux heures de pointe. Leurs horaires figurent dans le plan de transport.

## Billets et abonnements
- Billets : échange ou remboursement sans frais pour tout train supprimé.
- Abonnés : les jours de grève sont compensés automatiquement par une remise sur le mois suivant.`,
  },
  {
    slug: 'assistance-pmr', language: 'fr', title: "Voyager en situation de handicap : le service d'assistance",
    intents: ['accessibility_assistance'], tags: ['pmr', 'accessibilite'],
    body: `Le service **Accès Azur** accompagne gratuitement les personnes en fauteuil roulant, à mobilité réduite, aveugles ou malvoyantes, ainsi que leur accompagnateur.

## Réserver
Au plus tard **24 h avant le départ**, en ligne, dans l'appli ou par téléphone (appel non surtaxé, 7 h – 22 h). Indiquez votre train, votre gare de départ et d'arrivée et le type d'aide souhaité.

## Le jour du voyage
Présentez-vous au point de rendez-vous Accès Azur de la gare 30 minutes avant le départ. Un agent vous accompagne jusqu'à votre place, installe la rampe si nécessaire, et un autre agent vous attend à l'arrivée.

## En cas de problème
Si l'assistance n'était pas au rendez-vous ou si un ascenseur était hors service, signalez-le au service client : chaque incident est transmis au responsable accessibilité, qui vous recontacte.`,
  },
  {
    slug: 'accessibility-assistance', language: 'en', title: 'Travelling with a disability: our assistance service',
    intents: ['accessibility_assistance'], tags: ['accessibility'],
    body: `**Accès Azur** is a free service for wheelchair users, people with reduced mobility, blind or partially sighted passengers and their companion.

Book at least **24 hours before departure** online, in the app or by phone. On the day, go to the Accès Azur meeting point 30 minutes before departure: staff will help you board, set up the ramp if needed, and someone will meet you on arrival.

If assistance did not show up, please tell us: every incident is reviewed by our accessibility manager.`,
  },
  {
    slug: 'billet-non-recu-echange', language: 'fr', title: 'Billet non reçu, échange ou ajout de voyageur',
    intents: ['booking_change'], tags: ['reservation', 'e-billet'],
    body: `## Vous n'avez pas reçu votre billet
Vérifiez vos courriers indésirables, puis connectez-vous à l'appli avec l'adresse utilisée lors de l'achat : vos billets sont dans « Mes voyages ». Vous pouvez aussi les renvoyer par e-mail depuis cette rubrique.

## Changer d'horaire
Les billets TER sont **échangeables sans frais jusqu'au départ**. Dans « Mes voyages », choisissez « Échanger », puis le nouveau train ; la différence de prix est remboursée ou à régler.

## Ajouter un voyageur
- Les enfants de moins de 4 ans voyagent gratuitement, sans billet, sur les genoux d'un adulte.
- De 4 à 11 ans, ils bénéficient de 50 % de réduction : ajoutez un billet enfant au même voyage.

## Billet affiché comme non valide
Mettez l'appli à jour et reconnectez-vous. Si le problème persiste, contactez-nous avec votre référence : un billet payé reste valable, et le contrôleur peut le vérifier avec la référence.`,
  },
  {
    slug: 'horaires-et-info-trafic', language: 'fr', title: 'Consulter les horaires et l\'info trafic en temps réel',
    intents: ['timetable_information'], tags: ['horaires'],
    body: `Les horaires à jour sont disponibles dans l'appli TER Azur (rubrique « Horaires »), sur le site et en fiches PDF par ligne. Des fiches papier sont disponibles en gare.

Les horaires changent deux fois par an (mi-décembre et début juillet) ainsi que pendant les périodes de travaux : la date de validité figure en haut de chaque fiche.

**Info trafic en temps réel** : l'appli affiche les retards, les suppressions et les quais. Ajoutez vos trajets en favoris pour recevoir une alerte en cas de perturbation.`,
  },
  {
    slug: 'contester-une-amende', language: 'fr', title: 'Contester un procès-verbal reçu à bord',
    intents: ['fine_dispute'], tags: ['amende', 'contentieux'], status: 'in_review', author: 'expert0',
    body: `Vous avez été verbalisé et vous pensez que c'est injustifié ? Vous disposez de **3 mois** pour contester auprès du service Contentieux, via le formulaire en ligne.

## Abonnement oublié
Si votre abonnement était valide le jour du contrôle, joignez-en une copie au procès-verbal : l'amende est ramenée à 5 € de frais de dossier.

## Automate en panne
Indiquez la gare, l'heure et, si possible, joignez une photo. Les journaux de maintenance des automates sont vérifiés et l'amende est annulée si la panne est confirmée.

Sans contestation ni paiement dans les délais, le dossier est transmis au Trésor public avec majoration.`,
  },
  {
    slug: 'trottinettes-a-bord', language: 'fr', title: 'Trottinettes électriques et gyroroues à bord',
    intents: ['bike_on_board'], tags: ['trottinette', 'velo'], status: 'draft', author: 'expert2',
    body: `Brouillon proposé par la communauté, à valider par l'équipe.

Les trottinettes électriques sont acceptées **pliées**, comme un bagage à main, à condition de ne pas gêner la circulation dans le train. Elles ne doivent jamais être rechargées à bord.

Les gyroroues et hoverboards sont acceptés s'ils tiennent dans un sac. Les trottinettes non pliables sont refusées.`,
  },
];
