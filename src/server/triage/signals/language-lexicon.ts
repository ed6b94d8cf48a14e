// Short, frequent words that identify FR or EN even in 1-3 word messages, where
// character n-gram detectors guess ("merci" → Italian, "ok" → Polish). Tokens are
// folded and text-speak is already expanded ("thx" → "thanks", "pk" → "pourquoi").
// Words shared by both languages ("a", "on", "me", "ok", "plus", "bug") are left out.

export const FRENCH_WORDS = new Set([
  'le', 'la', 'les', 'de', 'des', 'du', 'un', 'une', 'et', 'est', 'je', 'j', 'tu', 'il', 'elle',
  'nous', 'vous', 'ils', 'elles', 'pas', 'ne', 'que', 'qui', 'quoi', 'pour', 'avec', 'sur', 'dans',
  'mon', 'ma', 'mes', 'ton', 'ta', 'tes', 'son', 'sa', 'ses', 'ce', 'cette', 'ces', 'c', 'l', 'd',
  'qu', 'au', 'aux', 'ou', 'mais', 'donc', 'car', 'ete', 'etre', 'avoir', 'suis', 'sont', 'ai',
  'avons', 'avez', 'ont', 'fait', 'faire', 'merci', 'bonjour', 'bonsoir', 'salut', 'coucou', 'oui',
  'non', 'plait', 'tres', 'trop', 'bien', 'aussi', 'deja', 'encore', 'toujours', 'jamais', 'rien',
  'tout', 'tous', 'toute', 'quand', 'comment', 'pourquoi', 'combien', 'parce', 'voudrais', 'veux',
  'peux', 'dois', 'votre', 'vos', 'notre', 'nos', 'leur', 'leurs', 'y', 'lui', 'ca', 'cela',
  'ici', 'chez', 'depuis', 'mort', 'rire', 'pete', 'desole', 'beaucoup', 'nul', 'nulle', 'genial',
  'ouais', 'voila', 'quel', 'quelle', 'sais', 'vais', 'va', 'vont', 'ont', 'etait',
  'aujourd', 'hui', 'maintenant', 'colis', 'commande', 'remboursement', 'retard', 'billet',
  'facture', 'compteur', 'merde', 'putain', 'wesh', 'bisous', 'svp', 'stp', 'cordialement',
  'madame', 'monsieur', 'etes', 'es', 'avais', 'avait', 'serait', 'peut', 'faut', 'ai', 'apres', 'avant', 'entre', 'sans', 'sous', 'ni', 'aucun', 'aucune',
]);

export const ENGLISH_WORDS = new Set([
  'the', 'and', 'is', 'are', 'was', 'were', 'be', 'been', 'i', 'you', 'he', 'she', 'we', 'they',
  'it', 'my', 'your', 'our', 'their', 'this', 'that', 'these', 'those', 'of', 'to', 'for', 'with',
  'at', 'by', 'from', 'in', 'not', 'do', 'does', 'did', 'have', 'has', 'had', 'will', 'would',
  'can', 'could', 'should', 'what', 'why', 'how', 'when', 'where', 'who', 'which', 'there', 'here',
  'thanks', 'thank', 'hello', 'hi', 'hey', 'please', 'yes', 'sorry', 'get', 'got', 'want', 'need',
  'just', 'very', 'so', 'all', 'any', 'some', 'if', 'or', 'but', 'about', 'an', 'am', 'm', 's',
  'll', 've', 're', 'lol', 'lmao', 'rofl', 'cheers', 'mate', 'guys', 'yeah', 'yep', 'nope',
  'fuck', 'fucking', 'shit', 'awesome', 'great', 'good', 'bad', 'order', 'refund', 'still',
  'never', 'again', 'know', 'going', 'today', 'tomorrow', 'tonight', 'please', 'help', 'because',
  'shaking', 'head', 'honest', 'soon', 'way', 'oh', 'god', 'myself',
]);

/** Words that only occur in other languages a French/English care desk commonly receives. */
export const OTHER_LANGUAGE_WORDS = new Set([
  'el', 'los', 'las', 'por', 'gracias', 'hola', 'quiero', 'pero', 'muy', 'tengo', 'para', 'del',
  'buenos', 'donde', 'pedido', 'der', 'das', 'und', 'ich', 'nicht', 'ist', 'mit', 'danke', 'bitte',
  'ein', 'eine', 'mein', 'meine', 'warum', 'della', 'sono', 'grazie', 'ciao', 'buongiorno', 'che',
  'questo', 'molto', 'obrigado', 'obrigada', 'nao', 'voce', 'meu', 'minha', 'muito', 'het', 'een',
  'niet', 'ik', 'bedankt', 'mio', 'mia', 'dove', 'perche', 'llega', 'estoy', 'usted', 'jullie', 'dziekuje', 'jest', 'nie', 'mulumesc', 'multumesc', 'tesekkurler',
]);
