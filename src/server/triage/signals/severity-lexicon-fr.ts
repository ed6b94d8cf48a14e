// French cues for the lower severity levels, over folded, expanded tokens.
// angry: threats to leave, to go public, to go to court, explicit anger.
// complaint: dissatisfaction, a problem reported with displeasure, a claim.
import { END, JE, gap, patterns } from './pattern-tools.ts';

const NETWORKS = '(?:les reseaux|mes reseaux|tous mes reseaux|ma page|mon compte insta|les reseaux sociaux|reseaux sociaux|twitter|x|facebook|fb|insta|instagram|tiktok|youtube|linkedin|internet|le net|trustpilot|google|les avis|avis verifies|mon blog|ma chaine)';

export const CHURN_THREATS_FR = patterns([
  ['fr:je-vais-resilier', `${JE} ${gap(2)}(?:vais|va|compte) ${gap(1)}(?:resilier|partir|aller voir ailleurs|voir ailleurs|changer d (?:operateur|fournisseur|banque|assureur|enseigne|cremerie|abonnement)|passer (?:chez|a) la concurrence|aller chez (?:la|un|vos) concurren\\w*|quitter vos services|me desabonner|me desinscrire|tout annuler|cloturer mon compte)`],
  ['fr:je-resilie', `${JE} (?:resilie|me desabonne|pars chez|quitte (?:vos services|votre entreprise|votre banque|votre compagnie))`],
  ['fr:client-perdu', '(?:vous venez de|vous allez|vous avez) (?:perdre|perdu) (?:un|une) (?:client|cliente)|(?:client|cliente) perdu|perdu un client'],
  ['fr:plus-jamais', `plus jamais (?:je|j|chez vous|avec vous|de ma vie|ca)|jamais plus|(?:derniere|dernier) fois que (?:je|j)|(?:chez|vers) (?:la|un|vos) concurren\\w*|vos concurrents`],
]);

export const PUBLIC_EXPOSURE_FR = patterns([
  ['fr:poster-reseaux', `(?:poster|publier|partager|balancer|raconter|denoncer|diffuser|mettre|afficher|exposer|relayer|en parler) ${gap(4)}(?:sur|dans|a) ${NETWORKS}`],
  ['fr:bad-buzz', '(?:bad buzz|faire le buzz|faire un buzz|scandale public|faire tourner|viral|virale|devenir viral)'],
  ['fr:presse', `(?:alerter|contacter|prevenir|saisir|ecrire a|appeler|previendrai|contacterai|alerterai) ${gap(2)}(?:la presse|les medias|les journalistes|un journaliste|des journalistes|le parisien|bfm|tf1|france 2|france info|envoye special|capital|60 millions)`],
  ['fr:avis-negatif', '(?:avis|note|commentaire) (?:negatif|negative|catastrophique|1 etoile|une etoile|zero etoile|0 etoile)|(?:1|une|zero|0) etoile partout'],
  ['fr:dire-a-mes-abonnes', `(?:dire|raconter|montrer|expliquer|partager|faire savoir) ${gap(2)}a (?:tous |toutes )?(?:mes|mes \\d+) (?:abonnes|followers|contacts|amis)`],
  ['fr:que-tout-le-monde-sache', '(?:que|pour que|afin que) (?:tout le monde|toute la france|mes abonnes|mes followers|les gens) (?:sache|sachent|voie|voient|apprenne|apprennent)|faire savoir a tout le monde'],
  ['fr:tout-le-monde-saura', '(?:tout le monde|toute la france|mes abonnes|mes followers|mes contacts) (?:va|vont|saura|sauront|verra|verront|le saura)'],
]);

export const LEGAL_THREATS_FR = patterns([
  ['fr:plainte', '(?:porter|porte|porterai|deposer|depose|deposerai) plainte|(?:mon|un|mes|notre) avocat|(?:au|aux|devant le|devant les) (?:tribunal|tribunaux|prud hommes|juge)|en justice|poursuites? (?:judiciaires?)?|vous poursuivre|mise en demeure|mettre en demeure|huissier|action de groupe|class action'],
  ['fr:consommateurs', 'dgccrf|signal ?conso|ufc|que choisir|60 millions de consommateurs|association (?:de|des) consommateurs|assoc de consommateurs|(?:le|au|du) mediateur|conciliateur|saisir (?:la cnil|l arcep|la cre)|plainte (?:a|aupres de) la cnil'],
]);

export const ANGER_WORDS_FR = patterns([
  ['fr:tout-casser', `${JE} ${gap(2)}(?:vais|va) tout (?:casser|peter|defoncer|detruire|retourner|saccager)`],
  ['fr:colere', `furieux|furieuse|enerve|enervee|enerves|en colere|hors de moi|exaspere|exasperee|excede|excedee|scandalise|scandalisee|outree|indigne|indignee|fou de rage|folle de rage|rage|ras le bol|vous vous foutez|se fout de (?:nous|moi|notre|ma)|foutage de gueule|vous allez (?:voir|le regretter|regretter|me le payer|le payer|payer)${END}|vous vous moquez|se moque (?:de nous|de moi|du monde)|c est une honte|quelle honte|honte a vous`],
]);

export const COMPLAINT_STRONG_FR = patterns([
  ['fr:indignation', 'inadmissible|inacceptable|scandaleux|scandaleuse|scandale|honteux|honteuse|lamentable|pitoyable|deplorable|catastrophique|n importe quoi|intolerable|inadmissibles|aberrant|abusif|abusive|c est abuse|abuse'],
  ['fr:deception', 'decu|decue|decus|decevant|decevante|deception|mecontent|mecontente|mecontents|pas content|pas contente|pas satisfait|pas satisfaite|insatisfait|insatisfaite|marre|j en ai assez|en ai assez|galere|pourri|pourrie|nul|nulle|pire'],
  ['fr:toujours-pas', `toujours (?:pas|rien|aucun|aucune|en attente|le meme probleme|bloque|bloquee)|(?:aucune|pas de|sans) (?:reponse|nouvelles|retour|solution)|personne ne (?:repond|rappelle|m a rappele|me repond)|(?:encore|une fois de plus|pour la \\w+ fois|a nouveau|de nouveau)${END}|encore une fois|une fois de plus|(?:\\d+e|\\d+eme|deuxieme|troisieme|quatrieme|cinquieme|enieme|ixieme|\\w+ieme) fois|encore (?:une|un) (?:coupure|panne|retard|annulation|erreur|probleme|bug|incident|prelevement|suppression)`],
  ['fr:probleme-constate', `(?:jamais|pas|toujours pas|rien) (?:recu|arrive|arrivee|livre|livree|rembourse|remboursee|repare|reparee|resolu|traite|traitee|venu|venue|passe|passee|intervenu|rappele|rappelee|repondu|prevenu|prevenue|informe|informee)|(?:ne|n) (?:fonctionne|marche|s allume|demarre|charge) (?:pas|plus)|(?:fonctionne|marche) (?:pas|plus)${END}|(?:colis|commande|paquet|valise|bagage) (?:perdu|perdue|egare|egaree|abime|abimee|endommage|endommagee|vide)|(?:arrive|arrivee|livre|livree|recu|recue) (?:casse|cassee|abime|abimee|endommage|endommagee|incomplet|incomplete)|defectueux|defectueuse|double prelevement|preleve deux fois|trop percu|(?:facture|montant|releve|prelevement|compteur|adresse|commande|taille) (?:est |etait |a ete |semble )?(?:erronee?|faux|fausse|incorrecte?|abusive?|mauvaise?)|(?:mouille|mouillee|trempe|trempee|abime|abimee|(?<!ca )dechire|dechiree|ecrase|ecrasee|tache|tachee|moisi|moisie|perime|perimee|raye|rayee|fele|felee|brise|brisee|fuit|qui fuit)|erreur de facturation|arnaque|escroquerie|c est du vol|on m a vole|impossible (?:de|d) ${gap(1)}(?:me |m |vous )?(?:connecter|acceder|payer|joindre|contacter|reserver|commander|telecharger|activer|utiliser|valider|modifier|annuler|imprimer|recevoir|obtenir|avoir|parler|trouver)|(?:jamais|pas|rien) (?:demande|demandes|demandee|demandees|commande|commandes|souscrit|autorise|autorises|valide|signe|accepte)|raccroche au nez|(?:m|on m) a raccroche|attendu ${gap(1)}\\d+ (?:minutes|heures|jours)|en attente depuis|sans (?:prevenir|explication|aucune explication|raison|aucune raison|m avertir|attendre|etre (?:prevenu|prevenue|informe|informee|averti|avertie))|sans que (?:je|j|on|nous) (?:sois|soit|soyons|ai|aie) ${gap(1)}(?:prevenu|prevenue|informe|informee|averti|avertie|accepte|demande)|frais caches|(?:refuse|refusee|rejete|rejetee|bloque|bloquee) (?:ma|mon|mes)|(?:carte|paiement|virement|prelevement) (?:a ete |est )?(?:refuse|refusee|rejete|rejetee|bloque|bloquee)`],
  ['fr:reclamation', 'reclamation|je conteste|contester|contestation|litige|je reclame|j exige|exige|j exige|dedommagement|indemnisation|geste commercial'],
  ['fr:souffrance-hyperbole', '(?:mour+ir|meurs|meurt|crever|creve|crevons|gele|geler|geles|caille|cuit|cuire) (?:de|d)? ?(?:froid|chaud|faim|soif|ennui|attente)|(?:en )?peux plus'],
]);

export const COMPLAINT_WEAK_FR = patterns([
  ['fr:incident', 'retard|en retard|retarde|retardee|annule|annulee|annulation|supprime|supprimee|panne|en panne|coupure|coupe|coupee|bug|bugue|beug|erreur|probleme|souci|soucis|dysfonctionnement|manquant|manquante|incomplet|incomplete|attente|lent|lente|bloque|bloquee|casse|cassee|perdu|perdue'],
  ['fr:duree', '(?:ca fait|depuis|voila) (?:\\d+|deux|trois|quatre|cinq|six|plusieurs|des) (?:jours|semaines|mois|heures)'],
  ['fr:demande-remboursement', 'remboursement|rembourser|remboursez|rembourse moi|trop cher|augmentation|hausse (?:des|de) (?:prix|tarifs)'],
]);

/** "si ... / sinon": turns "je vais résilier" from a request into a threat. */
export const CONDITIONAL_FR = /(?:^| )(?:si|sinon|sans quoi|faute de quoi|a defaut)(?: |$)/;
