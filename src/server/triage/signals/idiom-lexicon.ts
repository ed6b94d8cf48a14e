// Figurative uses of death/violence words. They are masked BEFORE crisis patterns
// run, so "ce retard me tue", "I'd kill for a coffee" or "faire sauter les frais"
// can never read as a threat. Each entry must stay narrow: masking a genuine
// statement would hide a crisis, the worst error here.
import { END, patterns } from './pattern-tools.ts';

// A subject other than the writer ("ça", "ce retard", "tu", "vous"): "X me tue" is exasperation.
const NOT_ME = '(?:(?!je |j |moi )[^\\s.,]+ ){0,3}';
const SUFFERING = '(?:faim|froid|chaud|soif|rire|ennui|fatigue|envie|impatience|honte|peur|trouille|sommeil|chaleur|curiosite|jalousie|stress|attente|chagrin)';

export const IDIOMS_FR = patterns([
  ['fr:mort-de', `(?:mort|morte|morts|mortes) (?:de|d) ${SUFFERING}`],
  ['fr:pete-de-rire', 'pete de rire|explose de rire|exploser de rire'],
  ['fr:je-suis-mort', `(?:je|j) suis (?:mort|morte)${END}`],
  ['fr:mourir-de', `(?:meurs|meurt|meure|mourir|mour+ir|mourais|mourrais|mourons|crever|creve|crevee|creves|crevais|crevons) (?:de|d) ${SUFFERING}`],
  ['fr:x-me-tue', `(?:ca|sa|cela|ce|cette|ces|tu|vous|il|elle|ils|elles|on|votre|vos|ton|ta|tes|le|la|les|mon|ma|mes|son|sa|ses) ${NOT_ME}(?:va |vont |vas |allez |finira par |finiront par )?me (?:tue|tues|tuez|tuent|tuer|tuera|tueront)`],
  ['fr:se-tuer-a-la-tache', '(?:me|se|nous|vous|te) (?:tue|tues|tuent|tuons|tuez|tuer) (?:a|au) (?:la tache|le|vous|te|leur|lui|force|travailler|travail|boulot|dire|repeter|expliquer|ecrire|chercher|appeler|relancer)'],
  ['fr:tuerie', '(?:une |la |quelle |trop |vraie )?tuerie'],
  ['fr:qui-tue', `qui (?:tue|tuent)${END}`],
  ['fr:tuer-le-temps', '(?:tuer|tue|tuons) le temps'],
  ['fr:tuer-technique', '(?:tuer|tue|tuez) (?:la|une|les|cette|ma|le|un|l|mon|ce) (?:session|sessions|processus|process|tache|application|appli|app|connexion|onglet|batterie|programme|appel|bruit|son|moustique|moustiques|mouche|mouches)'],
  ['fr:une-bombe', '(?:c est|c etait|cest|est|quelle|une vraie|vraiment|trop|grave|de la) (?:une |de la )?bombe'],
  ['fr:bombe-objet', 'bombes? (?:de |d |a |au |anti ?)?(?:bain|peinture|chantilly|insecticide|deodorant|laque|creme|douche|froid|nettoyante|agression|moustique)|bombes? (?:aerosol|lacrymogene)'],
  ['fr:a-mourir', '(?:beau|belle|bete|triste|chiant|chiante|ennuyeux|ennuyeuse|cher|chere) a (?:mourir|crever)'],
  ['fr:faire-sauter-frais', 'sauter (?:les|la|le|l|mes|ma|mon|ces|cette|ce|vos|votre) (?:frais|penalites?|amendes?|pv|majorations?|contraventions?|franchise|agios|interets|commissions?|blocage|limite|plafond|bouchon|verrou|restrictions?|suspension|coupure|relances?|caution|etape|cours|repas|banque|forfait)'],
  ['fr:sauter-expressions', 'sauter (?:du lit|le pas|au plafond|une etape|aux yeux|de joie|au cou)'],
  ['fr:peter-expressions', '(?:peter|pete|petes|petent) (?:un cable|les plombs|un plomb|la forme|le feu|un scandale|un boulon)'],
  ['fr:exploser-chiffres', '(?:explose|exploser|explosent|explosé|ont explose) (?:les compteurs|le forfait|mon forfait|ma facture|la facture|les prix|les tarifs|le budget|mon budget|ma conso|les scores)'],
  ['fr:pneu-creve', '(?:pneu|pneus|roue|ballon) (?:[^\\s.,]+ )?crev\\w*|crev\\w* (?:un|le|mon|les|des|mes) pneus?'],
  ['fr:suicide-figure', '(?:suicide|suicider) (?:commercial|marketing|economique|politique|social)|(?:c est|c etait|est|serait|ce serait|choix|decision|strategie|mission|conduite) suicidaire'],
  ['fr:plutot-mourir-que', '(?:plutot|prefere|prefererais) (?:mourir|crever) (?:que|qu)'],
]);

export const IDIOMS_EN = patterns([
  ['en:kill-for', '(?:kill|killed|killing|kills) for (?:a|an|some|the|my|one)'],
  ['en:kill-it', '(?:kill|killed|killing|kills|murder|murdered|murdering) it'],
  ['en:kill-time', '(?:kill|killed|killing) (?:time|two birds|the vibe|the mood|the lights)|(?:kill|killed|killing|kills) (?:the|my|this|that|a|an|your) (?:auto ?renewal|renewal|process|session|app|application|task|tab|connection|battery|engine|program|deal|order|contract|plan|subscription|notifications?|noise|sound|bugs?|weeds|spiders?|flies|mosquitoes)'],
  ['en:x-killing-me', '(?:is|s|are|re|was|were|been|be|keeps|keep) (?:really |literally |absolutely |slowly |honestly |just |kinda |so )?killing (?:me|us)'],
  ['en:it-kills-me', '(?:it|this|that|which|these|those) (?:really |literally |just )?kill(?:s|ed)? me'],
  ['en:killing-myself-working', 'killing myself (?:laughing|trying|working)|kill myself laughing|shoot (?:myself|yourself|ourselves) in the foot'],
  ['en:to-die-for', '(?:to|i d|would|could) die for|dying (?:to|for)'],
  ['en:die-of', `(?:die|died|dying|dead) (?:of|from|with|laughing) ?(?:laughter|laughing|boredom|embarrassment|shame|cringe|happiness|joy|curiosity|hunger|thirst|heat|cold)?`],
  ['en:dead-tired', 'dead (?:tired|serious|wrong|right|on|set|end|easy|simple|sure|beat|broke|center|centre|heat|last|line|lines|weight|zone|links?|pixels?|battery|phone|air|calm|slow|quiet)'],
  ['en:im-dead', `i (?:m|am) (?:dead|dying|deceased)${END}|drop dead gorgeous|over my dead body|the death of me`],
  ['en:to-death', '(?:bored|scared|worried|sick|tired|frightened|love|loved|freezing) (?:[^\\s.,]+ )?to death'],
  ['en:shoot-message', 'shoot (?:me|you|us|him|her|them|it|over) (?:a|an|over a|over an)? ?(?:email|e mail|message|text|dm|line|note|quick|reply|mail|invite)'],
  ['en:shoot-other', '(?:photo|video) ?shoot|shoot for (?:the|a)|shoot (?:my|your|our) shot|shoot the breeze'],
  ['en:bomb-praise', `(?:the|da|it s|its|it is|so|pure|absolute|totally) bomb(?: (?:dot )?com)?${END}|bomb (?:dot )?com|photo ?bomb\\w*|bath bombs?|bomb diggity`],
  ['en:bombed-exam', 'bombed (?:my|the|an|that|this) (?:exam|test|interview|presentation|audition)'],
  ['en:blow-up-phone', 'blow(?:ing|s|n)? up (?:my|your|his|her|their|the|our) (?:phone|inbox|notifications|dms|timeline|mentions|email|emails)|blew up (?:on|online|overnight)|blew my mind|mind blown'],
  ['en:suicide-figure', '(?:commercial|career|social|political|financial|brand|marketing) suicide|suicide (?:squad|doors|run|mission)'],
]);
