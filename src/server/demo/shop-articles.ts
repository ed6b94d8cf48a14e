// Maison Lumière's help centre.
import type { ArticleSeed } from './demo-types.ts';

export const shopArticles: readonly ArticleSeed[] = [
  {
    slug: 'suivre-ma-commande', language: 'fr', title: 'Suivre ma commande',
    intents: ['order_tracking'], tags: ['commande', 'livraison'],
    body: `Dès que votre commande quitte notre entrepôt, vous recevez un e-mail avec le **lien de suivi du transporteur**. Vous le retrouvez aussi à tout moment dans « Mes commandes ».

## Les étapes
1. **Validée** : le paiement est accepté.
2. **En préparation** : nous préparons votre colis (24 à 48 h ouvrées, plus longtemps si un article est en précommande).
3. **Expédiée** : le colis est confié à Colissimo, Chronopost ou Mondial Relay selon le mode choisi.
4. **Livrée**.

## Délais
- France métropolitaine : 2 à 4 jours ouvrés, 24 h en express.
- Europe : 4 à 7 jours ouvrés.

Si le suivi ne bouge plus pendant plus de 5 jours ouvrés, contactez-nous : nous ouvrons une enquête auprès du transporteur.`,
  },
  {
    slug: 'track-your-order', language: 'en', title: 'Tracking your order',
    intents: ['order_tracking'], tags: ['order', 'delivery'],
    body: `As soon as your order leaves our warehouse, we e-mail you the **carrier's tracking link**. You can also find it at any time under "My orders".

Orders are prepared within 24 to 48 working hours (longer if an item is on pre-order). Delivery takes 2 to 4 working days in mainland France and 4 to 7 working days elsewhere in Europe.

If tracking has not moved for more than 5 working days, contact us and we'll open an investigation with the carrier.`,
  },
  {
    slug: 'retourner-un-article', language: 'fr', title: 'Retourner ou échanger un article',
    intents: ['return_request'], tags: ['retour', 'echange'],
    body: `Vous avez **30 jours après la livraison** pour changer d'avis. Le retour est gratuit en France métropolitaine.

## Comment faire
1. Dans « Mes commandes », choisissez « Retourner un article » et indiquez le motif.
2. Imprimez l'étiquette prépayée (ou présentez le QR code en point relais).
3. Déposez le colis dans le point relais de votre choix.

## Échange
Pour une autre taille ou un autre coloris, choisissez « Échanger » : le nouvel article part dès que votre retour est scanné par le transporteur.

## Ce qui ne peut pas être retourné
Les bougies entamées, les articles personnalisés et le linge de lit sorti de son emballage, pour des raisons d'hygiène.

Un article reçu en cadeau peut être échangé sans ticket : indiquez-nous le nom de la personne qui l'a commandé.`,
  },
  {
    slug: 'returns', language: 'en', title: 'Returns and exchanges',
    intents: ['return_request'], tags: ['returns'],
    body: `You have **30 days from delivery** to return an item.

Go to "My orders", choose "Return an item", print the prepaid label and drop the parcel at a pick-up point. Returns are free in mainland France; for international orders the return cost (€6.90) is deducted from your refund.

For another size or colour, choose "Exchange": the new item ships as soon as your return is scanned by the carrier. Opened candles, personalised items and unsealed bedding cannot be returned.`,
  },
  {
    slug: 'delais-de-remboursement', language: 'fr', title: 'Quand serai-je remboursé ?',
    intents: ['refund_request'], tags: ['remboursement'],
    body: `Le remboursement est déclenché **dès que votre retour est contrôlé à l'entrepôt**, en général 2 à 3 jours ouvrés après sa réception. Vous recevez alors un e-mail de confirmation.

Il est versé sur le moyen de paiement utilisé lors de la commande. Selon votre banque, comptez ensuite 3 à 5 jours ouvrés pour le voir apparaître.

## Frais de livraison
Les frais de livraison initiaux sont remboursés si vous retournez la totalité de la commande, ou si l'article est défectueux ou non conforme.

## Commande annulée
Une commande annulée avant expédition est remboursée immédiatement ; un paiement en 3 fois est annulé, y compris les échéances à venir.`,
  },
  {
    slug: 'guide-des-tailles', language: 'fr', title: 'Guide des tailles : bien choisir ses vêtements en lin',
    intents: ['size_advice'], tags: ['taille', 'lin'],
    body: `Nos vêtements sont pensés pour être portés amples. **Entre deux tailles, prenez la plus petite.**

| Taille | Tour de poitrine | Tour de taille | Tour de hanches |
|---|---|---|---|
| 36 / S | 84 cm | 66 cm | 92 cm |
| 38 / M | 88 cm | 70 cm | 96 cm |
| 40 / L | 92 cm | 74 cm | 100 cm |
| 42 / XL | 98 cm | 80 cm | 106 cm |

Chaque fiche produit indique aussi les **mesures à plat** de la pièce : comparez-les à un vêtement que vous aimez.

Notre lin est prélavé : il ne rétrécit pratiquement pas s'il est lavé à 30 °C et séché à l'air libre.`,
  },
  {
    slug: 'size-guide', language: 'en', title: 'Size guide for our linen clothing',
    intents: ['size_advice'], tags: ['size'],
    body: `Our clothes have a relaxed fit: **if you are between two sizes, choose the smaller one.**

French 36 is a UK 8 / US 4, 38 a UK 10 / US 6, 40 a UK 12 / US 8 and 42 a UK 14 / US 10. Each product page also lists the garment's flat measurements.

Our linen is pre-washed, so it barely shrinks when washed at 30 °C and air-dried.`,
  },
  {
    slug: 'garantie-luminaires', language: 'fr', title: 'Garantie des luminaires et produits défectueux',
    intents: ['warranty_claim', 'defective_product'], tags: ['garantie', 'luminaire'],
    body: `Tous nos produits bénéficient de la **garantie légale de conformité de 2 ans**. Nos luminaires sont en plus garantis **5 ans sur les composants électriques** (douille, interrupteur, câble).

## Signaler un défaut
Envoyez-nous une photo ou une courte vidéo du défaut et votre numéro de commande. Dans la plupart des cas, nous vous expédions une pièce de rechange ou un produit neuf sans que vous ayez à renvoyer l'article.

## Produit reçu défectueux
Si l'article est défectueux dès réception, vous choisissez entre un échange et un remboursement intégral, frais de retour à notre charge.

Les ampoules fournies sont garanties 6 mois. L'usure normale (patine du laiton, décoloration du rotin au soleil) n'est pas un défaut.`,
  },
  {
    slug: 'colis-abime-ou-perdu', language: 'fr', title: 'Colis abîmé, perdu ou incomplet',
    intents: ['delivery_issue'], tags: ['livraison', 'transporteur'],
    body: `## Colis abîmé
Si possible, refusez le colis ou émettez des réserves auprès du livreur. Sinon, prenez des photos du carton et des articles et envoyez-les-nous sous 3 jours : nous vous renvoyons les articles endommagés à nos frais.

## Colis indiqué livré mais non reçu
Vérifiez auprès de vos voisins, du gardien et dans votre boîte aux lettres, puis contactez-nous. Nous ouvrons une enquête auprès du transporteur (48 h) ; sans résultat, nous vous renvoyons la commande ou vous remboursons.

## Article manquant
Une commande peut arriver en plusieurs colis : vérifiez l'e-mail d'expédition. Si un article manque vraiment, nous l'envoyons en priorité.`,
  },
  {
    slug: 'codes-promo', language: 'fr', title: 'Utiliser un code promo',
    intents: ['promo_code'], tags: ['promotion'],
    body: `Saisissez votre code dans le champ « Code promo » du panier, **avant le paiement**. La réduction s'affiche immédiatement.

Conditions habituelles :
- un seul code par commande, non cumulable avec un autre code ;
- valable dès 60 € d'achat, hors articles déjà remisés et hors cartes cadeaux ;
- date de validité indiquée dans l'e-mail ou la newsletter qui vous l'a envoyé.

Vous avez oublié d'utiliser votre code ? Contactez-nous dans les 7 jours suivant la commande : nous vous remboursons la différence.`,
  },
  {
    slug: 'annuler-ou-modifier-une-commande', language: 'fr', title: 'Annuler ou modifier une commande',
    intents: ['order_cancellation'], tags: ['commande'],
    body: `Tant que votre commande est au statut **« Validée »**, vous pouvez l'annuler vous-même depuis « Mes commandes ». Le remboursement est immédiat.

Pour corriger l'adresse de livraison ou ajouter un article, contactez-nous le plus vite possible : c'est possible tant que la préparation n'a pas commencé (en général dans l'heure qui suit la commande).

Une fois la commande expédiée, elle ne peut plus être modifiée, mais vous pourrez retourner gratuitement les articles à réception.`,
  },
  {
    slug: 'probleme-de-paiement', language: 'fr', title: 'Paiement refusé ou débité deux fois',
    intents: ['payment_issue'], tags: ['paiement'],
    body: `## Paiement refusé
La plupart des refus viennent de l'authentification 3-D Secure : gardez l'application de votre banque ouverte pendant le paiement. Vérifiez aussi votre plafond de paiement en ligne.

## Débité deux fois
Après un premier paiement échoué, votre banque peut afficher une **pré-autorisation** qui n'est jamais encaissée : elle disparaît d'elle-même sous 3 à 5 jours. Si deux débits apparaissent réellement, envoyez-nous une capture de votre relevé et nous remboursons le doublon.

## Paiement en 3 fois
Proposé sans frais à partir de 150 € d'achat, par carte bancaire.`,
  },
  {
    slug: 'entretien-du-lin', language: 'fr', title: 'Entretenir son linge et ses vêtements en lin',
    intents: ['product_care'], tags: ['entretien', 'lin'], status: 'in_review', author: 'expert0',
    body: `Conseils rédigés par nos ambassadeurs, en cours de relecture par l'équipe.

Lavez le lin à 30 ou 40 °C, sur un cycle doux, sans trop charger la machine. Évitez l'adoucissant, qui rend les fibres moins absorbantes.

Faites sécher à l'air libre et retirez le linge un peu humide : les plis s'estompent d'eux-mêmes. Si vous repassez, faites-le sur l'envers, fer chaud et linge encore humide.

Le lin s'adoucit à chaque lavage : c'est normal qu'il paraisse un peu rêche les premières fois.`,
  },
  {
    slug: 'delivery-abroad', language: 'en', title: 'Delivery outside France',
    intents: ['delivery_issue', 'order_tracking'], tags: ['international'], status: 'draft', author: 'agent2',
    body: `Draft: to be completed with the customs section.

We deliver to the European Union, Switzerland and the United Kingdom. Delivery takes 4 to 7 working days and costs €9.90, free from €150.

For Switzerland and the United Kingdom, import duties and VAT may be charged on delivery by the carrier.`,
  },
];
