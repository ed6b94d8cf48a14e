// Text-speak and contractions, expanded so the detectors' lexicons only need the
// standard spelling. Keys are folded (lowercase, no accents) single tokens.
// Values are space-separated replacement tokens.

/** Unambiguous abbreviations: always expanded. */
export const TEXTSPEAK_FR: Readonly<Record<string, string>> = {
  // first person fused with the verb ("jveux", "jvé", "chuis")
  jveux: 'je veux', jvx: 'je veux', jvoudrais: 'je voudrais', jvais: 'je vais', jvai: 'je vais',
  jve: 'je vais', jv: 'je vais', jvay: 'je vais', jsuis: 'je suis', jsui: 'je suis', chui: 'je suis',
  chuis: 'je suis', jpeux: 'je peux', jpe: 'je peux', jsais: 'je sais', jcrois: 'je crois',
  jpense: 'je pense', jme: 'je me', jte: 'je te', jvous: 'je vous', jfais: 'je fais',
  jai: 'j ai', jtrouve: 'je trouve', jreviens: 'je reviens', jattends: 'j attends',
  // common abbreviations
  pk: 'pourquoi', pq: 'pourquoi', pkoi: 'pourquoi', pourkoi: 'pourquoi', pcq: 'parce que',
  pck: 'parce que', psk: 'parce que', stp: 's il te plait', svp: 's il vous plait',
  tjrs: 'toujours', tjr: 'toujours', tjs: 'toujours', bcp: 'beaucoup', bcq: 'beaucoup',
  qqn: 'quelqu un', qqun: 'quelqu un', qqch: 'quelque chose', qqc: 'quelque chose',
  qd: 'quand', kan: 'quand', koi: 'quoi', kwa: 'quoi', ki: 'qui', ke: 'que', keske: 'qu est ce que',
  kesk: 'qu est ce que', slt: 'salut', bjr: 'bonjour', bsr: 'bonsoir', dsl: 'desole',
  mtn: 'maintenant', mnt: 'maintenant', auj: 'aujourd hui', ajd: 'aujourd hui', jms: 'jamais',
  rdv: 'rendez vous', tt: 'tout', tte: 'toute', tkt: 't inquiete', bjs: 'bonjour',
  jsp: 'je sais pas', jpp: 'j en peux plus', jtm: 'je t aime', mdr: 'mort de rire',
  mdrr: 'mort de rire', ptdr: 'pete de rire', xptdr: 'pete de rire', ptn: 'putain',
  tg: 'ta gueule', ftg: 'ferme ta gueule', fdp: 'fils de pute', ntm: 'nique ta mere',
  vtf: 'va te faire foutre', pr: 'pour', ds: 'dans', ns: 'nous', pa: 'pas', kdo: 'cadeau',
  cmb: 'combien', dac: 'd accord', dacc: 'd accord', oklm: 'au calme', wsh: 'wesh',
  ouai: 'ouais', nn: 'non', pti: 'petit', ptit: 'petit', ya: 'il y a', yaura: 'il y aura',
  yavait: 'il y avait', cete: 'c etait', cetait: 'c etait', jamai: 'jamais',
  // frequent phonetic misspellings of verbs used in crisis/complaint statements
  veu: 'veux', vx: 'veux', vai: 'vais', sui: 'suis', envi: 'envie',
};

export const TEXTSPEAK_EN: Readonly<Record<string, string>> = {
  u: 'you', yu: 'you', ur: 'your', urs: 'yours', youre: 'you re',
  plz: 'please', pls: 'please', plis: 'please', pleaz: 'please', pleez: 'please',
  thx: 'thanks', thnx: 'thanks', thks: 'thanks', tnx: 'thanks', ty: 'thank you',
  tysm: 'thank you so much', thanx: 'thanks',
  idk: 'i do not know', idc: 'i do not care', dunno: 'do not know', wtf: 'what the fuck',
  omg: 'oh my god', omfg: 'oh my fucking god', stfu: 'shut the fuck up', gtfo: 'get the fuck out',
  smh: 'shaking my head', ngl: 'not gonna lie', tbh: 'to be honest', imo: 'in my opinion',
  imho: 'in my opinion', asap: 'as soon as possible', btw: 'by the way', bc: 'because',
  cuz: 'because', coz: 'because', bcuz: 'because', b4: 'before',
  '2day': 'today', '2moro': 'tomorrow', '2nite': 'tonight', tmrw: 'tomorrow',
  gr8: 'great', msg: 'message', pic: 'picture', ppl: 'people', sry: 'sorry', srsly: 'seriously',
  gonna: 'going to', wanna: 'want to', gotta: 'got to', kinda: 'kind of', sorta: 'sort of',
  lemme: 'let me', gimme: 'give me', im: 'i m', ive: 'i ve', ima: 'i m going to',
  imma: 'i m going to', dont: 'do not', doesnt: 'does not',
  didnt: 'did not', cant: 'can not', cannot: 'can not', wont: 'will not', isnt: 'is not',
  arent: 'are not', wasnt: 'was not', werent: 'were not', shouldnt: 'should not',
  wouldnt: 'would not', couldnt: 'could not', havent: 'have not', hasnt: 'has not',
  aint: 'is not', kms: 'kill myself', kys: 'kill yourself', unalive: 'kill',
  fu: 'fuck you', fck: 'fuck', fuk: 'fuck', fuckin: 'fucking', effing: 'fucking',
  mofo: 'motherfucker', wth: 'what the hell',
};

/** Context-dependent single letters: expanded only when the next token makes the reading safe. */
export const FR_C_SAFE_NEXT = new Set([
  'pas', 'plus', 'jamais', 'nul', 'nulle', 'trop', 'tres', 'vraiment', 'quoi', 'qui', 'ou',
  'quand', 'combien', 'bon', 'bien', 'mal', 'normal', 'grave', 'honteux', 'inadmissible',
  'scandaleux', 'n', 'ma', 'mon', 'la', 'le', 'les', 'un', 'une', 'toujours', 'encore', 'deja',
  'fini', 'ok', 'cool', 'top', 'super', 'genial', 'pour', 'moi', 'toi', 'lui', 'nous', 'vous',
  'ca', 'juste', 'clair', 'sur', 'possible', 'impossible', 'urgent', 'ridicule', 'dommage',
  'incroyable', 'dingue', 'fou', 'ouf', 'pareil', 'simple', 'complique', 'chiant', 'abuse',
  'lamentable', 'pitoyable', 'n importe', 'mort', 'foutu', 'du', 'des', 'quel', 'quelle',
]);
/** "g pas reçu" = "j'ai pas reçu": 'g' becomes "j ai" before these or a past participle. */
export const FR_G_SAFE_NEXT = new Set([
  'pas', 'plus', 'jamais', 'rien', 'besoin', 'envie', 'un', 'une', 'des', 'eu', 'ete', 'fait',
  'recu', 'paye', 'vu', 'dit', 'tout', 'toujours', 'deja', 'encore', 'essaye', 'appele', 'ecrit',
]);
/** Letters used as labels ("vitamine c", "plan c", "voie c"): never text-speak after these. */
export const LETTER_LABEL_PREVIOUS = new Set([
  'vitamine', 'type', 'classe', 'point', 'plan', 'zone', 'voie', 'quai', 'porte', 'batiment',
  'bat', 'categorie', 'niveau', 'groupe', 'section', 'annexe', 'article', 'option', 'note',
  'langage', 'usb', 'dpe', 'hall', 'terminal', 'lettre', 'case', 'colonne', 'ligne', 'rer',
]);
