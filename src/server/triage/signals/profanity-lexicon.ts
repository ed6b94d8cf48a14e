// Insults and swear words, FR and EN, folded (no accents, lowercase).
// Three strengths, because "idiot" about a form is a complaint while "connard" is
// abuse whoever it targets, and "putain" alone is only an intensity marker.

/** Abusive wherever they appear: slurs and insults with no innocent reading in care messages. */
export const STRONG_INSULTS_FR = [
  'connard', 'connards', 'conard', 'conards', 'connasse', 'connasses', 'conasse', 'encule',
  'encules', 'enculee', 'enculees', 'enculer', 'salope', 'salopes', 'salaud', 'salauds',
  'batard', 'batards', 'batar', 'enfoire', 'enfoires', 'enfoiree', 'pute', 'putes', 'pouffiasse',
  'grognasse', 'petasse', 'trouduc', 'ordure', 'ordures', 'raclure', 'raclures',
  'pourriture', 'pourritures', 'charogne', 'charognes', 'vermine', 'sous merde', 'merdeux',
  'fils de pute', 'fils de putes', 'ta gueule', 'ferme ta gueule', 'fermez vos gueules',
  'fermez votre gueule', 'nique ta mere', 'nique vos meres', 'nique votre mere', 'niquez vous',
  'va te faire foutre', 'allez vous faire foutre', 'allez vous faire voir', 'va te faire voir',
  'va te faire enculer', 'allez vous faire enculer', 'trou du cul', 'trous du cul', 'tete de noeud',
  'sac a merde', 'mange tes morts', 'crevez', 'creve charogne', 'couilles molles', 'gros porc', 'sale porc',
];

export const STRONG_INSULTS_EN = [
  'fuck you', 'fuck u', 'fuck off', 'fuck yourself', 'fuck yourselves', 'fuck your', 'motherfucker',
  'motherfuckers', 'asshole', 'assholes', 'arsehole', 'arseholes', 'bastard', 'bastards', 'bitch',
  'bitches', 'cunt', 'cunts', 'dickhead', 'dickheads', 'prick', 'pricks', 'twat', 'twats', 'wanker',
  'wankers', 'douchebag', 'douchebags', 'scumbag', 'scumbags', 'shithead', 'shitheads',
  'piece of shit', 'pieces of shit', 'son of a bitch', 'sons of bitches', 'retarded', // never 'retard(s)': French for delay
  'dumbass', 'dumbasses', 'jackass', 'jackasses', 'go to hell', 'screw you', 'piss off',
  'kill yourself', 'kill yourselves', 'go die', 'hope you die', 'hope you all die', 'hope you rot', 'eat shit', 'shut the fuck up', 'get fucked',
];

/**
 * Abusive only when aimed at someone ("bande d'incapables", "you idiots"). Alone
 * ("un formulaire débile", "useless app") they are complaints.
 */
export const TARGETED_INSULTS_FR = [
  'incapable', 'incapables', 'incompetent', 'incompetents', 'idiot', 'idiots', 'imbecile',
  'imbeciles', 'cretin', 'cretins', 'abruti', 'abrutis', 'debile', 'debiles', 'con', 'cons',
  'conne', 'connes', 'voleur', 'voleurs', 'voleuse', 'escroc', 'escrocs', 'arnaqueur',
  'arnaqueurs', 'menteur', 'menteurs', 'menteuse', 'guignol', 'guignols', 'clown', 'clowns',
  'bouffon', 'bouffons', 'nul', 'nuls', 'nulle', 'nulles', 'minable', 'minables', 'charlatan',
  'charlatans', 'truand', 'truands', 'bandit', 'bandits', 'mafieux', 'mafia', 'rapace', 'rapaces',
  'vautour', 'vautours', 'parasite', 'parasites', 'tocard', 'tocards', 'branleur', 'branleurs',
  'feignant', 'feignants', 'faineant', 'faineants', 'glandeur', 'glandeurs', 'baltringue',
  'baltringues', 'bras casses', 'pignouf', 'pignoufs', 'gogol', 'gogols', 'mongol', 'mongols',
  'attarde', 'attardes', 'teube', 'teubes', 'boulet', 'boulets', 'rigolo', 'rigolos',
];

export const TARGETED_INSULTS_EN = [
  'idiot', 'idiots', 'moron', 'morons', 'imbecile', 'imbeciles', 'stupid', 'dumb', 'incompetent',
  'incompetents', 'clown', 'clowns', 'thief', 'thieves', 'crook', 'crooks', 'scammer', 'scammers',
  'fraudster', 'fraudsters', 'liar', 'liars', 'criminal', 'criminals', 'useless', 'loser', 'losers',
  'pathetic', 'fool', 'fools', 'robber', 'robbers', 'parasite', 'parasites', 'leech', 'leeches',
  'vulture', 'vultures', 'mafia', 'con artists', 'con artist', 'crooked', 'pig', 'pigs', 'trash',
  'garbage people', 'jerk', 'jerks', 'worthless', 'halfwit', 'halfwits', 'numpty', 'numpties',
];

/** Plural nouns that are insults even without a marker: "escrocs !", "scammers". */
export const VOCATIVE_PLURAL_INSULTS = new Set([
  'incapables', 'incompetents', 'idiots', 'imbeciles', 'cretins', 'abrutis', 'voleurs', 'escrocs',
  'arnaqueurs', 'menteurs', 'guignols', 'bouffons', 'charlatans', 'truands', 'bandits', 'tocards',
  'branleurs', 'baltringues', 'morons', 'thieves', 'crooks', 'scammers', 'fraudsters', 'liars',
  'criminals', 'clowns', 'fools', 'robbers', 'imbeciles', 'losers', 'jerks', 'halfwits',
]);

/** Swearing that raises intensity (angry) without insulting anyone by itself. */
export const PROFANITY = [
  'putain', 'merde', 'bordel', 'chier', 'fait chier', 'fais chier', 'fout', 'foutre', 'foutu',
  'foutue', 'foutage de gueule', 'se foutre de', 'vous foutez', 'se fout', 'couilles',
  'fuck', 'fucking', 'fucked', 'fucks', 'shit', 'shitty', 'bullshit', 'crap', 'crappy',
  'damn', 'goddamn', 'bloody', 'the hell', 'the fuck', 'pissed', 'sucks', 'suck', 'wtf',
];

/** Swear/insult words worth decoding when obfuscated ("c0nnard", "f*ck", "encul*"). */
export const OBFUSCATION_TARGETS: readonly string[] = [
  // Most frequent first: an ambiguous mask ("f***") decodes to the commonest word of its length.
  ...new Set(
    ['fuck', 'shit', 'bitch', 'cunt', 'connard', 'encule', 'putain', 'merde', 'salope', 'pute', 'kill', 'tuer', 'suicide']
      .concat(STRONG_INSULTS_FR, STRONG_INSULTS_EN, TARGETED_INSULTS_FR, TARGETED_INSULTS_EN, PROFANITY)
      .filter((w) => !w.includes(' ') && w.length >= 3),
  ),
];

/** Targeted insults that are adjectives: they need a direct address ("vous êtes nuls", "you useless ..."). */
export const ADJECTIVE_INSULTS = new Set([
  'incapable', 'incapables', 'incompetent', 'incompetents', 'debile', 'debiles', 'nul', 'nuls', 'nulle',
  'nulles', 'minable', 'minables', 'con', 'cons', 'conne', 'connes', 'mafieux', 'stupid', 'dumb',
  'incompetent', 'useless', 'pathetic', 'crooked', 'worthless', 'feignant', 'feignants', 'faineant',
  'faineants', 'attarde', 'attardes',
]);
