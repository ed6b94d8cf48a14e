// English cues for the lower severity levels, over folded, expanded tokens
// ("don't" → "do not", "gonna" → "going to", "I'm" → "i m").
import { END, gap, patterns } from './pattern-tools.ts';

const NETWORKS = '(?:social media|twitter|x|facebook|fb|instagram|insta|tiktok|reddit|youtube|linkedin|the internet|the news|the press|yelp|trustpilot|google|every review site|my blog|my channel)';

export const CHURN_THREATS_EN = patterns([
  ['en:i-will-cancel', `i ${gap(2)}(?:will|ll|m going to|am going to|going to|m|am|m gonna) ${gap(1)}(?:cancel\\w*|switch\\w* (?:to|provider|over|carrier|company|bank|supplier)|clos\\w* my (?:account|contract)|leav\\w* (?:you|your)|tak\\w* my (?:business|money) elsewhere|go\\w* (?:elsewhere|to (?:a|your) competitor))`],
  ['en:lost-a-customer', '(?:just |have |ve )?lost (?:a|another|one) (?:customer|client)|lost my business|never (?:again|buying|ordering|flying|using|shopping)|last time i|take my (?:business|money) elsewhere|(?:to|with) (?:a|your) competitor|your competitors'],
]);

export const PUBLIC_EXPOSURE_EN = patterns([
  ['en:post-online', `(?:post|posting|share|sharing|put|putting|tweet|tweeting|blast|blasting|expose|exposing|tell|telling|write about|writing about) ${gap(4)}(?:on|to|all over|across) ${NETWORKS}`],
  ['en:go-viral', '(?:go|goes|going|make (?:this|it) go|make sure (?:this|it) goes) viral|bad press|(?:name and shame|public shaming)'],
  ['en:press', `(?:contact|contacting|call|calling|tell|telling|alert|alerting|email|emailing|go to|going to) ${gap(2)}(?:the press|the media|the news|a journalist|journalists|reporters|a reporter|the papers|bbc|watchdog)`],
  ['en:bad-review', '(?:bad|negative|terrible|scathing|1 star|one star|zero star|0 star) reviews?|review (?:bomb|everywhere)'],
  ['en:make-sure-everyone-knows', `(?:make sure|ensure) ${gap(2)}(?:everyone|everybody|the world|people|all my followers|the whole world) ${gap(3)}(?:knows|know|hears|finds out|sees)|everyone on ${NETWORKS}`],
  ['en:tell-everyone', '(?:tell|warn|let) (?:everyone|everybody|all my (?:friends|followers)|my followers|the world)|my (?:\\d+ |thousands of )?followers'],
]);

export const LEGAL_THREATS_EN = patterns([
  ['en:lawyer', '(?:my|a|our) (?:lawyer|lawyers|attorney|attorneys|solicitor|solicitors)|sue (?:you|your|them|the company)|suing|lawsuit|legal action|legal proceedings|take (?:you|this|it) to court|small claims|class action|see you in court'],
  ['en:consumer-bodies', 'consumer (?:protection|rights|association|watchdog|council|ombudsman|agency)|ombudsman|trading standards|better business bureau|bbb|ftc|chargeback|report (?:you|this|your company) to'],
]);

export const ANGER_WORDS_EN = patterns([
  ['en:anger', 'furious|angry|pissed|pissed off|livid|outraged|fuming|enraged|mad as hell|so mad|beyond frustrated|sick and tired|had enough|fed up|you (?:will|ll) (?:regret|pay for) (?:this|it)|are you kidding me|you have got to be kidding|taking the piss|shame on you|how dare you'],
]);

export const COMPLAINT_STRONG_EN = patterns([
  ['en:indignation', 'unacceptable|outrageous|disgraceful|disgusting|shameful|ridiculous|appalling|terrible|awful|horrible|worst|atrocious|abysmal|horrendous|pathetic|a joke|joke of a|inexcusable|absurd'],
  ['en:disappointment', 'annoying|annoyed|disappointed|disappointing|unhappy|not happy|dissatisfied|not satisfied|upset|frustrated|frustrating|annoyed|fed up|sick of|tired of'],
  ['en:still-waiting', `still (?:waiting|not|no|nothing|have not|has not|haven|hasn|broken|missing)|(?:no|zero) (?:response|reply|answer|update|refund|help)|(?:nobody|no one|noone) (?:answers|replies|responds|called|got back|helps|cares)|(?:again|yet again|once again)${END}|how many times|(?:for the )?(?:\\d+(?:st|nd|rd|th)|second|third|fourth|fifth|nth|umpteenth) time|(?:another|yet another) (?:outage|delay|cancellation|power cut|error|problem|wrong)`],
  ['en:problem-stated', `(?:never|not|has not|have not|did not|was not|still not) (?:received|arrived|delivered|refunded|fixed|resolved|shipped|come|turned up|showed up)|(?:does not|do not|did not|is not|not|stopped) (?:work|working|turn on|charge|load|start)|(?:parcel|package|order|luggage|bag|suitcase) (?:lost|missing|damaged|broken|empty)|(?:arrived|came|delivered) (?:broken|damaged|smashed|incomplete|late|open)|defective|faulty|soaked|soaking wet|ruined|crushed|torn|stained|leaking|mouldy|moldy|expired|rotten|spoiled|scratched|dented|cracked|shattered|(?:bill|invoice|charge|amount|reading|address|size) (?:is |was )?(?:wrong|incorrect)|overcharged|charged (?:twice|me twice|double)|double charged|wrong (?:item|order|size|product|amount|charge|bill)|scam|rip ?off|ripped off|fraud|stole my|stealing|(?:can not|unable to|could not) (?:log ?in|sign in|connect|access|reach|get through|pay|book|download|use|cancel|contact)|never (?:ordered|asked for|authori[sz]ed|signed up|agreed)|on hold|(?:got|was|were|get|been) (?:cut off|disconnected|hung up on)|hung up on me|waited ${gap(1)}\\d+ (?:minutes|hours|days)|without (?:warning|notice|explanation|any explanation|asking|being (?:told|informed|warned|notified))|never (?:told|informed|warned|notified)|hidden (?:fees?|charges?|costs?)|leaks|leaked|(?:declined|rejected|refused) (?:my|the)|(?:card|payment|transfer) (?:was |is |got |keeps getting )?(?:declined|rejected|refused)`],
  ['en:claim', 'complaint|complain|complaining|dispute|disputing|compensation|i demand|i expect a refund|i want my money back|money back'],
]);

export const COMPLAINT_WEAK_EN = patterns([
  ['en:incident', 'delay|delayed|late|cancelled|canceled|cancellation|problem|problems|issue|issues|error|bug|glitch|broken|outage|slow|waiting|stuck|missing|lost|damaged|blocked|locked out|crash|crashes|crashed'],
  ['en:duration', '(?:\\d+|two|three|four|five|six|several) (?:days|weeks|months|hours) (?:later|now|ago|and)'],
  ['en:refund', 'refund|refunded|reimburse|reimbursement|too expensive|price increase|overpriced'],
]);

/** "if ... / otherwise / or else": turns "I'll cancel" from a request into a threat. */
export const CONDITIONAL_EN = /(?:^| )(?:if|otherwise|or else|unless|or i)(?: |$)/;
