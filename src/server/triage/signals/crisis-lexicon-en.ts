// English crisis statements: self-harm intent and threats of violence. Tokens are
// folded and expanded ("I'm" → "i m", "wanna" → "want to", "kms" → "kill myself",
// "don't" → "do not"). Idioms are masked before these run (idiom-lexicon.ts).
import { END, gap, patterns } from './pattern-tools.ts';

const MYSELF = '(?:my ?self|myself|meself|my own self)';
const INTENT = '(?:will|ll|want to|need to|feel like|m going to|am going to|going to|m about to|am about to|keep|might|m thinking (?:about|of)|am thinking (?:about|of)|ve been thinking (?:about|of)|have been thinking (?:about|of)|plan to|m planning to|am planning to|wish i could|should just|d rather|would rather|m ready to|am ready to|deserve to|have to|m gonna|could)';
const I_WILL = `(?:i ${gap(3)}|ill )`;
const PERSON = '(?:you|u|ya|y all|yall|him|her|them|everyone|everybody|someone|somebody|your (?:staff|agent|agents|employee|employees|manager|driver|drivers|people|team|technician|rep|representative|ceo|boss|workers|guy|guys))';
const PLACE = '(?:store|office|place|building|station|school|shop|branch|headquarters|hq|warehouse|depot|factory|plant|train|bus)';

export const SELF_HARM_EN = patterns([
  ['en:kill-myself', `(?:kill|killing|killed|hang|hanging|shoot|shooting|drown|drowning|poison|poisoning|off|offing|end|ending) ${MYSELF}`],
  ['en:intent-self-harm', `i ${gap(1)}${INTENT} ${gap(2)}(?:hurt|harm|cut|burn|starve|punish|overdose|od) ${MYSELF}?`],
  ['en:self-harm', 'self ?harm\\w*|selfharm\\w*|slit (?:my|both) (?:wrists?|throat)|cut (?:my|both) wrists?'],
  ['en:suicide', `(?:commit|committing|attempt|attempted|attempting|consider|considering|contemplating|thinking about|think about|thought about|thoughts of|planning|plan) ${gap(1)}suicid\\w*|i ${gap(1)}${INTENT} ${gap(2)}suicid\\w*|suicide (?:note|letter|plan)|(?:m|am|feel|feeling|felt|been|get|getting|becoming|was|so|very|really) ${gap(1)}suicidal|suicidal (?:thoughts|ideation|feelings|again|tendencies)`],
  ['en:want-to-die', `(?:want|wanna|wanted|wish|ready|deserve|need|would love|d love|just want|prefer) (?:to )?die(?! (?:of|from|laughing|for|with))|i wish i (?:was|were|could be) dead|wish i (?:had never been born|would not wake up|would never wake up|could just die|could disappear forever)`],
  ['en:end-it-all', `end(?:ing)? (?:it all|my (?:own )?life|my existence|everything${END}|it (?:tonight|for good)${END}|things (?:tonight|for good)${END})|(?:take|taking) my (?:own )?life`],
  ['en:better-off-dead', 'better off dead|(?:everyone|the world|my family|my kids|they|people|everybody) (?:would|d|will) be better off without me'],
  ['en:jump', `i ${gap(4)}(?:jump|throw myself|leap|step) (?:off|from|in front of|under|onto|into) ${gap(1)}(?:a |the |this |that |your |next )?(?:bridge|building|roof|train|cliff|balcony|window|tracks|platform|traffic|subway|bus)`],
  ['en:pills', `(?:swallow|take|taking|took|down) ${gap(1)}(?:all|whole bottle of|a bottle of|bottle of|all of|every one of) ${gap(1)}(?:my |the |these |those )?(?:pills|meds|medication|tablets|sleeping pills|painkillers)|i ${gap(3)}overdos\\w*`],
  ['en:goodbye', 'final goodbye|my last words|goodbye forever|goodbye cruel world'],
  ['en:third-party', `(?:threatening|threatens|threatened|talking|talks|talked|wants|trying|tried|attempted|planning) (?:to |about |of )?(?:kill|killing|hurt|hurting|harm|harming|end|ending) (?:him|her|them)sel(?:f|ves)|(?:he|she|they|son|daughter|friend|mother|father|wife|husband|partner|mom|dad) ${gap(2)}(?:is suicidal|s suicidal|attempted suicide|tried to kill)`],
]);

/** Statements that carry their own negation ("no reason to live"): never read as negated. */
export const SELF_HARM_NEGATED_FORMS_EN = patterns([
  ['en:nobody-would-care', '(?:nobody|no one|noone) (?:would|will|d) (?:care|notice|miss me|even notice) if i (?:died|was gone|were gone|disappeared|killed myself|was dead|were dead)'],
  ['en:no-reason-to-live', `(?:no|any|nothing|no more|lost (?:my|the|all)) ${gap(1)}(?:reason|reasons|point|will|desire) (?:left )?(?:to|in|for) (?:live|living|go on|going on|keep going|stay alive|be alive|life|wake up)|nothing (?:left )?to live for`],
  ['en:not-want-to-live', '(?:not|never|no longer) (?:want|wanna|wish|feel like|see the point) (?:to )?(?:live|be alive|exist|wake up|be here anymore|keep living|go on living)'],
  ['en:point-of-living', '(?:what s|what is|whats) the point (?:of|in) (?:living|life|going on|being alive|anything anymore)|done with (?:life|living)|want to disappear (?:forever|for good)'],
  ['en:tired-of-living', 'tired of (?:living|being alive|life|existing)|life (?:is not|is no longer) worth (?:living|it)|can not go on (?:anymore|living|any longer)|not want to be alive|will not be alive|not be around much longer'],
], false);

export const VIOLENCE_EN = patterns([
  ['en:i-will-kill', `${I_WILL}(?:kill|murder|shoot|stab|strangle|slaughter|butcher|behead|gun down|blow up|bomb|execute|slit) ${gap(1)}(?:you|u|ya|yall|y all|him|her|them|your|the|every|everyone|everybody|somebody|someone|all|that|this|each|those|these|some|whoever|his|their|one of|any)`],
  ['en:i-will-hurt', `${I_WILL}(?:beat|punch|hurt|choke|run over|slap|assault|beat up|stomp|hit|smack|strangle|end|hunt down|hunt) ${gap(1)}${PERSON}(?: up| down)?|smash (?:your|ur) (?:face|head|skull)`],
  ['en:i-will-shoot', `${I_WILL}shoot${END}|${I_WILL}(?:shoot|blow|burn|bomb|torch) (?:up |down )?(?:the|your|this|that|a|every) ${gap(1)}${PLACE}`],
  ['en:you-re-dead', `(?:you|u|ya|you all|y all|yall) (?:re|are|r|will be|ll be|re going to be|are going to be) (?:so |all |fucking |all fucking )?(?:dead|dead meat|a dead man|a dead woman|going to die|next)${END}|your (?:dead|dead meat)${END}|(?:you|u|y all|yall) (?:will|ll|are going to|re going to) die${END}`],
  ['en:know-where-you-live', '(?:i|we) (?:know|found out|find out|will find|ll find out) where (?:you|u|ya|your [^\\s.,]+|he|she|they|the [^\\s.,]+) (?:live|lives|work|works|sleep|sleeps|park|parks)|i (?:know|have|got) your (?:home )?address'],
  ['en:watch-your-back', `watch your back${END}|you will not see it coming|sleep with one eye open|i (?:ll|will) find you${END}|i (?:ll|will) (?:find|hunt) you down`],
  ['en:place-attack', `(?:shoot|shooting) up (?:the|your|this|that|a) ${gap(1)}${PLACE}|(?:blow|blowing) up (?:the|your|this|that|a) ${gap(1)}${PLACE}|(?:burn|burning|torch|torching) (?:down )?(?:the|your|this|that) ${gap(1)}${PLACE}(?: down)?|bomb (?:the|your|this) ${gap(1)}${PLACE}`],
  ['en:someone-gets-hurt', `(?:someone|somebody|people|you|your (?:staff|agent|agents|employees|people|driver|manager)|one of (?:you|your \\w+)) ${gap(3)}(?:is|are|will|ll|gonna|going to|be) ${gap(2)}(?:get|gets|getting|be) (?:hurt|killed|shot|stabbed|beaten|beat up)|there (?:will|is going to|s going to|ll) be blood|blood will be (?:spilled|shed)`],
  ['en:bomb', '(?:plant|planted|place|put|placed|there is|there s|left|leave|hide|hid) (?:a|the) bomb|bomb threat'],
  ['en:weapon', `(?:bring|bringing|come|coming|show up|showing up) ${gap(4)}(?:with )?(?:a|my) (?:gun|knife|weapon|rifle|bat|machete|pistol|shotgun|ar ?15|firearm)|(?:get|grab|load|loaded|got) my (?:gun|guns|rifle|shotgun)|put a bullet in|bullet in your|go postal|going postal|shooting spree`],
]);

/** Figurative arenas: "I'll kill you in the reviews / in court" is a threat, not violence. */
export const FIGURATIVE_ARENAS_EN = /\b(?:court|lawsuit|lawsuits|lawyer|attorney|reviews?|twitter|social media|online|internet|press|media|legally|yelp|trustpilot|ratings?|comments?)\b/;
