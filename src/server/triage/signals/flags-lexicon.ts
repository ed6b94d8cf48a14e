// Cues for the business flags, FR and EN, over folded, expanded tokens.
import { JE, gap, patterns } from './pattern-tools.ts';

const OFFER = '(?:abonnement|forfait|offre|modele|pack|formule|version|option|produit|contrat|tarif|carte|box|plan|model|subscription|package|tier|bundle|size|taille|couleur|colour|color)';

/** Buying, upgrading or pre-purchase questions. */
export const SALES_SIGNALS = patterns([
  ['fr:intention-achat', `${JE} ${gap(2)}(?:voudrais|veux|souhaite|souhaiterais|aimerais|compte|pense|envisage|suis interesse|suis interessee|serais interesse|serais interessee|cherche a) ${gap(2)}(?:acheter|commander|souscrire|m abonner|acquerir|reserver|louer|essayer|passer commande|prendre (?:l|le|la|un|une) ${OFFER}|passer (?:a|au|chez vous)|opter pour)`],
  ['fr:stock', `en stock|disponible en|dispo en|disponibles en|encore disponible|de nouveau disponible|bientot disponible|reassort|rupture de stock|quand (?:sera|arrive) ${gap(2)}(?:disponible|en stock)`],
  ['fr:quel-choisir', `(?:quel|quelle|quels|quelles) ${gap(1)}${OFFER} ${gap(3)}(?:choisir|prendre|conseillez|recommandez|me conseillez|est le mieux|est la mieux|convient|conviendrait|adapte|adaptee)|que me (?:conseillez|recommandez) vous|vous me conseillez quoi`],
  ['fr:upgrade', `(?:faire|passer) (?:un )?upgrade|upgrader|monter en gamme|offre superieure|passer (?:a|au|sur) (?:l offre|le forfait|la formule|l abonnement) ${gap(1)}(?:superieur|superieure|premium|pro|plus|illimite)|augmenter mon forfait|changer de forfait`],
  ['fr:devis-prix', 'devis|grille tarifaire|vos tarifs|quels sont (?:vos|les) (?:tarifs|prix)|combien (?:coute|coutent|ca coute|pour)|c est combien|quel (?:est le )?prix|prix (?:de|du|pour) (?:l|le|la|un|une|ce|cette)|tarif (?:pour|de groupe|entreprise)'],
  ['fr:compatible', `(?:est ce|c est|est il|est elle|sont ils) ${gap(1)}compatibles?|compatibles? avec|(?:fonctionne|marche) avec (?:mon|ma|mes|un|une)`],
  ['fr:avant-vente', 'essai gratuit|periode d essai|demonstration|une demo|offre (?:entreprise|pro|professionnelle|groupe)|achat en (?:gros|quantite)|commande groupee|remise (?:pour|sur) (?:quantite|volume)|livrez vous|livraison possible (?:en|a|au|vers)|interesse par (?:votre|vos|l|le|la|un|une)|vous vendez|vendez vous'],
  ['en:buy-intent', `i ${gap(2)}(?:would like|d like|want|wanna|am looking|m looking|am interested|m interested|plan|am planning|m planning|am thinking|m thinking|need|intend) ${gap(2)}(?:to )?(?:buy|purchase|order|subscribe|sign up|upgrade|get one|get a|get the|book|rent|try out|switch to your)`],
  ['en:stock', `in stock|back in stock|out of stock|available in|comes? in (?:other|different|blue|red|black|white|green|pink|grey|gray|size|sizes|colou?rs?)|do you (?:have|sell|carry|stock)|restock|when will ${gap(2)}be available`],
  ['en:which-to-choose', `which ${gap(1)}${OFFER} ${gap(3)}(?:choose|pick|get|buy|recommend|best|right for|suit)|what ${OFFER} (?:do|would|should) you recommend|(?:any|your) recommendations? (?:for|on) (?:a|which)`],
  ['en:upgrade', 'upgrade (?:to|my|plan|subscription|account|package|option|options)|upgrading (?:to|my)|premium plan|pro plan|enterprise plan|business plan'],
  ['en:pricing', 'pricing|price list|(?:a|get a|request a|send me a|need a|for a) quote|how much (?:is|does|for|are|would|do|will)|what s the price|what is the price|cost of (?:a|the|your)|discount for|group rate'],
  ['en:compatible', 'is (?:it|this|that) compatible|compatible with|does (?:it|this|that) (?:work|fit) (?:with|on)|will (?:it|this|that) (?:work|fit) (?:with|on)'],
  ['en:pre-sales', 'free trial|a demo|bulk order|wholesale|volume discount|do you (?:ship|deliver) to|shipping to|interested in (?:buying|your|the|a)'],
]);

/** Topics whose answer needs internal or personal information. */
export const CONFIDENTIAL_TOPICS = patterns([
  // Account-specific figures and documents only: "how do I reset my password" or "how do I get a refund" are
  // policy questions a published article answers; a refund on a given order is caught by its order number.
  ['account', '(?:mon|mes|notre) (?:solde|facture|factures|contrat|dossier|releve|consommation|echeancier)|my (?:balance|bill|bills|invoice|invoices|contract|statement|usage|case file)|(?:solde|releve|historique) de (?:mon|notre) compte|(?:my|the) account (?:balance|history|statement)'],
  ['bank-details', 'iban|rib|bic|swift|coordonnees bancaires|releve d identite bancaire|bank (?:details|account|card)|sort code|routing number|carte bancaire|numero de carte|card number|cvv|cryptogramme|prelevement|direct debit'],
  ['address-change', 'changement d adresse|chang\\w* (?:mon|d|l|mon) adresse|nouvelle adresse|demenag\\w*|change (?:my|of) address|new address|update my address|moving house|moved house'],
  ['legal', 'avocat|tribunal|mise en demeure|huissier|injonction|assignation|plainte|proces|contentieux|juridique|prud hommes|lawyer|attorney|solicitor|court|lawsuit|subpoena|legal|litigation|police report|depot de plainte'],
  ['personal-data-request', 'rgpd|gdpr|donnees personnelles|mes donnees|supprimer mes donnees|effacer mes donnees|droit d acces|droit a l oubli|droit de rectification|portabilite|access my data|delete my data|my data|my personal data|personal information|data subject|dsar|cnil|right to be forgotten|erase my data'],
  ['personal-identity', 'date de naissance|date of birth|numero de securite sociale|securite sociale|social security|passeport|passport|piece d identite|carte d identite|id card|driving licen[cs]e|drivers license|permis de conduire|certificat medical|dossier medical|medical record'],
]);

/** Link farms, crypto/casino/SEO offers, get-rich promises. */
export const SPAM_TERMS = patterns([
  ['crypto', 'bitcoin|btc|crypto|cryptos|cryptomonnaies?|cryptocurrency|ethereum|nft|nfts|forex|trading signals|airdrop|binary options|investment opportunity|double your (?:money|bitcoin|investment)|passive income|revenu passif|revenus passifs'],
  ['casino', 'casino|casinos|betting|paris sportifs|poker|slots|jackpot|free spins|bonus de bienvenue|welcome bonus'],
  ['seo', 'seo|backlinks?|rank (?:your|on|higher)|first page of google|premiere page de google|referencement naturel|guest posts?|domain authority|traffic to your (?:website|site)|link building|web design services'],
  ['easy-money', 'earn money|make money|gagner de l argent|argent facile|work from home|travail a domicile|get rich|devenir riche|100 free|100 gratuit|loan offer|pret rapide|earn \\d+|gagnez \\d+'],
  ['adult-pharma', 'viagra|cialis|hot singles|onlyfans|rencontres? (?:coquines?|sexy|chaudes?)|sexy singles'],
  ['call-to-click', 'click here|cliquez ici|clique ici|click the link|click on the link|limited offer|offre limitee|act now|whatsapp me|contact me on (?:whatsapp|telegram)|on telegram|dm me|promote your|follow for follow|f4f|claim your (?:prize|reward|gift)|you (?:have )?won|vous avez gagne|felicitations vous avez'],
]);
