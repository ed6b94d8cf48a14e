// French crisis statements: self-harm intent and threats of violence. Written over
// folded, text-speak-expanded tokens ("jvé me suicidé" → "je vais me suicide").
// Idioms are masked before these run (idiom-lexicon.ts); negation and reported
// speech are checked afterwards (detect-crisis.ts).
import { END, JE, gap, patterns } from './pattern-tools.ts';

const SUICIDE = 'suicid\\w*';
// "j'ai tué le moteur" is a past event, never a threat: no auxiliary right before the verb.
const PAST = '(?<!(?:ai|as|a|avais|avait|avons|avez|ont|aurais|aurait) )';
const TUER = `${PAST}tu(?:er|e|es|ez|erai|erais|eras|erez|era)`;
// Reflexive acts that mean self-harm on their own ("je me pends", "me foutre en l'air").
const SELF_ACT = `(?:${SUICIDE}|fout\\w* en l ?air|pend\\w*|flingu\\w*|tir\\w* une balle|jet\\w* (?:sous|par|du haut|dans le vide|d un|devant)|ouvr\\w* les veines|taillad\\w*|scarifi\\w*|tailler les veines|immol\\w*|laisser mourir|laisse mourir)`;
// Acts that need an intent ("je vais me tuer", not "je me suis fait mal au dos").
const SELF_ACT_INTENT = `(?:${TUER}|faire (?:du )?mal|empoisonner|achever|supprimer${END}|faire sauter la cervelle)`;
const INTENT = '(?:vais|vai|veux|voudrais|voulais|compte|pense|pensais|prefere|prefererais|peux|dois|devrais|souhaite|aimerais|ai envie|ai besoin|ai decide|suis pret|suis prete|vais aller|finirai|suis sur le point|suis tente|tente|essaie|essaye|ai essaye|vais finir|n ai plus qu|ai plus qu|ai qu|ai juste envie|ai tellement envie|reve)';
const WISH = '(?:veux|voudrais|vx|veu|ai envie|ai juste envie|ai tellement envie|aimerais|souhaite|prie pour|prefererais|reve de|reve d|demande qu a)';
const LIFE_OBJECT = '(?:la vie|ma vie|tout(?! ca| ce| cela)|moi|mes jours|cette vie|l existence|ce monde|mon existence)';

export const SELF_HARM_FR = patterns([
  ['fr:me-suicider', `(?:me|m) ${gap(1)}${SUICIDE}`],
  ['fr:je-act-reflexive', `${JE} ${gap(4)}(?:me|m) ${gap(1)}${SELF_ACT}`],
  ['fr:je-intent-act', `${JE} ${gap(1)}${INTENT} ${gap(3)}(?:me|m) ${gap(1)}${SELF_ACT_INTENT}`],
  ['fr:suicidaire', `(?:suis|sens|sentir|pensees|idees|tendances|envies|devenu|devenue) ${gap(2)}suicidaires?`],
  ['fr:pense-au-suicide', `(?:pense|pensais|penser|songe|songer|envisage|envisager|idees? de|tentation du|tente par le|tentative de|tentatives de) ${gap(1)}(?:au |le |du |a |un |une )?${SUICIDE}|${SUICIDE} (?:est|serait|reste|c est) ${gap(1)}(?:la|ma|une) (?:seule |derniere )?(?:solution|issue|option|sortie)`],
  ['fr:faire-une-connerie', `(?:vais|va|risque de|peur de|envie de) faire (?:une|des) (?:grosse |grosses )?(?:connerie|conneries|betise|betises)${END}`],
  ['fr:idees-noires', '(?:idees|pensees) (?:noires|de mort|sombres)'],
  ['fr:vouloir-mourir', `${JE} ${gap(2)}${WISH} ${gap(2)}(?:mour+ir|mourire|crever|dispara[i]?tre${END}|ne plus (?:vivre|exister|etre la|me reveiller)|plus me reveiller|partir pour toujours|etre mort|etre morte)`],
  ['fr:en-finir', `(?:${JE}|envie|veux|vais|vouloir|besoin) ${gap(3)}en fini(?:r|s|t|rai|ra|rais)(?:${END}| avec ${LIFE_OBJECT}| une bonne fois${END})`],
  ['fr:mettre-fin', `mettre fin (?:a|au|aux) (?:mes jours|ma vie|mon existence|tout${END}|mon calvaire)`],
  ['fr:sauter', `${JE} ${gap(4)}(?:sauter|me jeter|me lancer|me balancer) ${gap(1)}(?:du|d un|de la|par la|sous le|sous un|sous les|devant le|devant un|du haut|dans le vide|sur les voies|sur la voie|de mon|du haut d un) ?(?:pont|toit|fenetre|train|rer|metro|tgv|tram|balcon|viaduc|immeuble|falaise|vide|voies|voie|roues|quai|${END})`],
  ['fr:medicaments', `(?:avaler|avale|prendre|pris|gober|vais prendre) ${gap(2)}(?:tous mes|toute ma|toute la|tous les|une boite de|la boite de|toute une boite de|toutes mes|plein de) ${gap(1)}(?:medicaments|medocs|cachets|pilules|comprimes|somniferes|anxiolytiques)`],
  ['fr:overdose', `${JE} ${gap(4)}(?:overdose|od)`],
  ['fr:tiers-suicidaire', `(?:menace|parle|pense|veut|essaie|essaye|a essaye|a tente|tente|veulent|menacent|parlent) ${gap(1)}(?:de |d )?(?:se|s) ${gap(1)}(?:${SUICIDE}|${TUER}|fout\\w* en l ?air|pendre|jeter sous|jeter du|jeter par)`],
]);

/** Statements that carry their own negation ("plus envie de vivre"): never read as negated. */
export const SELF_HARM_NEGATED_FORMS_FR = patterns([
  ['fr:plus-envie-de-vivre', '(?:plus|aucune|aucun) (?:envie|la force|le courage|gout|raison|but) (?:de|d) (?:vivre|continuer a vivre|exister|me battre pour vivre)'],
  ['fr:ne-plus-vivre', `${JE} ${gap(2)}(?:ne |n )?(?:veux|vx|veu|peux|supporte|sais|vois) plus ${gap(1)}(?:vivre|exister|continuer a vivre|la vie|l interet de vivre|de raison de vivre|comment vivre)`],
  ['fr:raison-de-vivre', '(?:aucune|plus de|pas de|plus aucune|aucun|plus d|plus aucun) (?:raison|but|sens) (?:de|d|a) (?:vivre|exister|ma vie|continuer)'],
  ['fr:a-quoi-bon', 'a quoi bon (?:vivre|continuer|me battre|tout ca|exister)|(?:fini|finie|termine) avec la vie'],
  ['fr:marre-de-vivre', 'marre (?:de la vie|de vivre|d exister|de ma vie|d etre en vie)|fatigue de vivre|fatiguee de vivre|lasse de vivre|las de vivre'],
  ['fr:vie-sans-sens', `(?:ma|la) vie (?:n a plus|na plus|ne vaut plus|ne vaut rien|n a aucun|n a pas de|ne sert a rien|ne vaut pas) ${gap(2)}(?:sens|rien|la peine|peine|valeur|interet|d etre vecue)`],
  ['fr:personne-ne-remarquerait', `personne ne (?:remarquerait|verrait|s apercevrait|pleurerait) ${gap(2)}si je (?:mourais|disparaissais|partais|me tuais|n etais plus la)`],
  ['fr:mieux-sans-moi', `(?:le monde|ma famille|tout le monde|mes enfants|mes proches|les gens|ils|elles) (?:serait|seraient|sera|seront|irait|iraient) (?:mieux|plus heureux|plus heureuse) sans moi|mieux si je (?:mourais|n etais plus la|disparaissais|n existais plus)|serai(?:s|t)? mieux (?:mort|morte|six pieds sous terre)|personne ne (?:me )?regrettera|personne ne me manquera`],
  ['fr:dernier-message', '(?:ce sont mes|voici mes|mes) derniers mots|lettre d adieu'],
], false);

export const VIOLENCE_FR = patterns([
  ['fr:je-vais-vous-tuer', `${JE} ${gap(4)}(?:vous|te|t|tous vous|vous tous) ${gap(1)}(?:${TUER}|but(?:t)?(?:er|e|ez)|crever|massacr\\w*|egorg\\w*|flingu\\w*|poignard\\w*|tabass\\w*|cogner|frapper|etrangl\\w*|abattre|defoncer|defonce|exploser|eclater|cramer|bruler|tirer dessus|buter|decouper|faire la peau|casser la gueule|peter la gueule|refaire le portrait|faire sauter la cervelle)`],
  ['fr:je-vais-le-tuer', `${JE} ${gap(4)}(?:le|la|l|les|lui|leur) ${gap(1)}(?:${TUER}|but(?:t)?(?:er|e)|massacr\\w*|egorg\\w*|flingu\\w*|poignard\\w*|tabass\\w*|etrangl\\w*|abattre|faire la peau|casser la gueule|peter la gueule)`],
  ['fr:tuer-quelqu-un', `${JE} ${gap(3)}(?:${TUER}|but(?:t)?er|massacr\\w*|egorg\\w*|flingu\\w*|poignard\\w*|abattre|tabass\\w*|tirer sur|tirer dans) ${gap(1)}(?:votre|vos|le|la|les|ce|cette|ces|un|une|tout le monde|quelqu un|tous|toute|l agent|le conseiller|la conseillere|le directeur|le patron|le livreur|le controleur|le personnel|dans le tas)`],
  ['fr:vous-etes-morts', `(?:vous etes|t es|tu es|vous allez etre|tu vas etre) (?:tous |toutes )?(?:morts?|mortes?|un homme mort|une femme morte|des hommes morts)${END}`],
  ['fr:vous-allez-crever', `(?:vous allez|tu vas|vous aller|tu va) (?:tous |toutes )?(?:crever|mourir|y passer)${END}`],
  ['fr:quelqu-un-va-souffrir', `(?:quelqu un|quelqu une|l un de vous|un de vos \\w+|vos employes|votre personnel|votre conseiller|votre agent|des gens|ca) ${gap(2)}(?:va|vont|risque de) (?:se faire (?:mal|tuer|frapper|buter|planter)|y passer|prendre (?:cher|une balle|des coups)|saigner|finir a l hopital|finir a la morgue)|(?:il|y) (?:va|aura) (?:y avoir )?du sang|(?:il|y) (?:aura|va y avoir) des morts`],
  ['fr:faire-sauter-lieu', `(?:faire|fais|fait|vais|va|ferai|vont) (?:sauter|exploser|peter|bruler|cramer) (?:l agence|la boutique|le magasin|vos locaux|vos bureaux|votre agence|votre boutique|votre magasin|le siege|votre siege|la gare|le batiment|votre batiment|l immeuble|la centrale|l usine|le guichet|l entrepot|vos agences|vos magasins|tout${END}|votre entreprise|vos locaux|le train|le depot)`],
  ['fr:tout-faire-sauter', 'tout (?:faire )?(?:sauter|peter|exploser)|faire tout (?:sauter|peter|exploser)'],
  ['fr:bombe', '(?:poser|mettre|placer|deposer|amener|envoyer|cacher|fabriquer|il y a|y a|pose|mis|place) (?:une|des|la) bombes?'],
  ['fr:incendie', `(?:mettre|mets|foutre) le feu (?:a|au|aux|chez) ${gap(1)}(?:agence|boutique|magasin|locaux|bureaux|gare|siege|entrepot|tout|vous|batiment)|incendier ${gap(1)}(?:agence|boutique|magasin|locaux|bureaux|gare|siege|entrepot|votre|vos|l)|${JE} ${gap(4)}(?:commettre|faire|preparer|organiser) (?:un )?attentat`],
  ['fr:arme', `${JE} ${gap(4)}(?:vien\\w*|veni\\w*|pass\\w*|debarqu\\w*|revien\\w*|reveni\\w*|arriv\\w*|ramen\\w*|aller|vais) ${gap(4)}(?:avec|arme|armee) (?:un|une|mon|ma|des|mes)? ?(?:arme|armes|flingue|fusil|couteau|pistolet|kalach\\w*|hache|batte|machette|revolver|calibre|grenade|explosifs?|cocktail molotov)`],
  ['fr:tirer', `${JE} ${gap(3)}(?:tirer|tire|tirerai|ouvrir le feu) (?:sur (?:vous|toi|tout le monde|vos|votre|le personnel|les gens|l agent|le conseiller|la foule|les clients)|dans le tas|dans la foule)`],
  ['fr:je-sais-ou-tu-habites', '(?:je|j) (?:sais|connais) (?:ou (?:tu habites|vous habitez|tu vis|vous vivez|habitent|sont vos enfants|vont tes enfants|vont vos enfants|tu dors|vous dormez)|ton adresse|l adresse de (?:ton|votre|tes|vos) (?:domicile|famille|enfants))'],
  ['fr:je-vais-te-retrouver', `${JE} ${gap(2)}(?:vais|va) (?:te|vous) (?:retrouver|trouver|attendre a la sortie|choper)${END}|gare a toi${END}|regretter d etre ne`],
]);

/** Figurative arenas: "je vais vous détruire au tribunal / sur les réseaux" is a threat, not violence. */
export const FIGURATIVE_ARENAS_FR = /\b(?:tribunal|tribunaux|justice|avocat|proces|plainte|reseaux|avis|note|twitter|facebook|instagram|tiktok|youtube|internet|en ligne|presse|medias|juridiquement|commentaires?)\b/;
