// Valence of folded words and short phrases, FR and EN, from -3 (very negative)
// to +3. Phrases (2-4 tokens) win over their words: "pas mal" is praise, "mort de
// rire" is laughter, "merci de" is a polite request rather than thanks.

const entries = (weight: number, words: string): Array<[string, number]> =>
  words.trim().split(/\s*,\s*/).map((w) => [w, weight]);

export const SENTIMENT_WORDS: ReadonlyMap<string, number> = new Map([
  ...entries(3, `excellent, excellente, parfait, parfaite, genial, geniale, formidable, merveilleux, merveilleuse,
    extraordinaire, exceptionnel, exceptionnelle, adore, j adore, bravo, tuerie, top du top, au top, impeccable,
    nickel, fantastic, amazing, awesome, perfect, wonderful, outstanding, brilliant, superb, love, loved, flawless,
    une tuerie, killing it, killed it, to die for, the bomb, de la bombe, une bombe, au poil`),
  ...entries(2, `super, top, content, contente, contents, satisfait, satisfaite, ravi, ravie, heureux, heureuse,
    efficace, rapide, rapidement, reactif, reactive, aimable, gentil, gentille, sympa, agreable, professionnel,
    professionnelle, recommande, felicitations, cool, great, good, happy, glad, pleased, satisfied, helpful,
    efficient, quick, fast, kind, nice, friendly, recommend, appreciate, appreciated, thank you, thanks a lot,
    merci beaucoup, merci infiniment, mille mercis, thanks so much, thank you so much, resolu, resolved, fixed,
    ca dechire, ca dechire grave, pas mal, not bad, pas cher, j ai hate, ai hate, hate de, pro, serieux, serieuse, fiable, trop bien, love it, bien joue, well done, good job, great job, mort de rire,
    pete de rire, lol, lmao, haha, hahaha, mdr, ptdr, qui tue, mortel`),
  ...entries(1.2, `merci, thanks, thank, bien, fonctionne, marche, works, working, d accord, utile, useful, fine,
    correct, solved, regle, patient, patiente, aime, j aime, bonne journee, have a nice day`),
  ...entries(0.5, 'ok, okay, bon, bonne, clair'),
  ...entries(0, `merci de, merci d, thanks in advance, merci d avance, please, s il vous plait, s il te plait,
    bonjour, hello, hi, cordialement, regards`),
  ...entries(-1, `probleme, souci, bug, erreur, retard, retarde, attente, attendre, lent, lente, cher, chere,
    complique, compliquee, inquiet, inquiete, dommage, bof, moyen, moyenne, problem, issue, error, delay, delayed,
    late, slow, expensive, waiting, wait, confusing, confused, worried, unfortunately, malheureusement, annule,
    annulee, cancelled, canceled, manque, manquant, missing, incomplet, difficile, pire que, hard, wrong, mauvais,
    mauvaise, mal, bad, poor, pas terrible, triste, sad, peur, stress, stresse, fatigue, fatiguee, tired`),
  ...entries(-2, `nul, nulle, nuls, pourri, pourrie, decu, decue, decevant, decevante, deception, mecontent,
    mecontente, insatisfait, insatisfaite, galere, marre, ras le bol, enerve, enervee, agace, agacee, colere,
    pas content, pas contente, pas satisfait, panne, casse, cassee, perdu, perdue, abime, abimee, endommage,
    defectueux, bloque, bloquee, arnaque, c est du vol, honte, inadmissible, inacceptable, ridicule, n importe quoi,
    terrible, awful, horrible, disappointed, disappointing, unhappy, not happy, dissatisfied, annoyed, frustrated,
    frustrating, upset, broken, damaged, defective, lost, useless, ridiculous, unacceptable, joke, sucks, suck,
    crap, crappy, shit, shitty, rubbish, garbage, trash, hate, deteste, hais, fed up, sick of, scam, rip off,
    ripoff, fraud, ne marche pas, ne fonctionne pas, does not work, not working, still waiting, toujours pas,
    toujours rien, jamais recu, never received, never arrived, pas recu, pas arrive, merde, putain, bordel, wtf,
    damn, fucking, fuck, chiant, chiante, relou, lourd, penible, sans reponse, no response, no answer, debile,
    stupide, absurde, incompetence, stupid, dumb, absurd, pointless, inutile, incomprehensible, annoying,
    agacant, agacante, saoulant, saoulante, saoule, me saoule, unreliable, pas fiable, bullshit, bs`),
  ...entries(-3, `scandaleux, scandaleuse, scandale, honteux, honteuse, lamentable, pitoyable, deplorable,
    catastrophique, catastrophe, exaspere, exasperee, furieux, furieuse, hors de moi, degoute, degoutee,
    degueulasse, inadmissible, pire, worst, disgusting, disgraceful, outrageous, appalling, furious, livid,
    outraged, pathetic, shameful, atrocious, abysmal, horrendous, escroquerie, escrocs, voleurs, arnaqueurs,
    incompetents, incapables, connards, connard, idiots, morons, scammers, thieves, fuck you, je vous deteste`),
]);

/** Longest phrase in the lexicon, in tokens: bounds the phrase lookup. */
export const MAX_PHRASE_TOKENS = 4;

export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ...entries(1.5, `tres, trop, vraiment, hyper, tellement, extremement, completement, totalement, absolument,
    carrement, grave, vachement, franchement, super, particulierement, very, so, really, extremely, totally,
    absolutely, completely, incredibly, fucking, bloody, damn, such, too, truly, utterly, seriously, terriblement,
    si, ultra, mega, archi, fort, deeply, highly, most`),
  ...entries(0.6, `un peu, assez, plutot, legerement, moyennement, a bit, slightly, kind of, kinda, somewhat,
    a little, rather, fairly, quite`),
]);

/** Words that flip the valence of what follows within a short window. */
export const SENTIMENT_NEGATORS = new Set([
  'pas', 'ne', 'n', 'jamais', 'aucun', 'aucune', 'sans', 'ni', 'not', 'no', 'never', 'without',
  'nothing', 'nobody', 'hardly', 'neither', 'nor',
]);

/** After these, the second half of a sentence carries the writer's actual view. */
export const CONTRAST_WORDS = new Set(['mais', 'but', 'cependant', 'however', 'pourtant', 'though', 'sauf', 'except', 'neanmoins', 'toutefois']);

export const EMOJI_SENTIMENT: ReadonlyMap<string, number> = new Map([
  ['😡', -3], ['🤬', -3], ['😠', -2.5], ['😤', -2], ['😭', -2], ['😢', -2], ['😞', -1.5], ['😔', -1.5],
  ['😩', -1.5], ['😫', -1.5], ['🙄', -1.5], ['👎', -2], ['💩', -2], ['😒', -1.5], ['😕', -1], ['🤮', -2.5],
  ['💔', -2], ['😱', -1], ['😰', -1.5], ['😖', -1.5], ['😣', -1.5], ['🖕', -3], [':(', -1.5], [":'(", -2],
  [':-(', -1.5], [':/', -1], [':-/', -1],
  ['🙏', 1], ['👍', 1.5], ['❤', 2], ['😍', 2.5], ['😊', 2], ['🙂', 1], ['😀', 2], ['😃', 2], ['😄', 2],
  ['😁', 2], ['😂', 1], ['🤣', 1], ['👏', 1.5], ['🥰', 2.5], ['💯', 1.5], ['✅', 0.5], ['🎉', 2], ['👌', 1.5],
  ['😘', 1.5], ['💪', 1], ['⭐', 1], ['🤩', 2.5], ['😎', 1.5], ['🔥', 1.5], ['💕', 2], ['💖', 2], ['🥳', 2], [':)', 1.5],
  [':-)', 1.5], [':d', 2], [':-d', 2], ['xd', 1.5], ['<3', 2], [';)', 1], [';-)', 1], [':p', 1], [':-p', 1],
]);
