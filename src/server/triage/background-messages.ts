// Messages that belong to no brand's intents: small talk, off-topic questions, noise. Trained as one more class
// ("background") and held out in part when choosing the threshold, so a model trained on a handful of intents
// learns what "none of these" looks like and its threshold is set against real negatives, not only positives.
// Kept free of anything a customer-care intent could be about (orders, bills, accounts, travel, delivery...).

const FR = [
  'bonjour', 'salut', 'coucou', 'bonsoir', 'hello', 'ça va ?', 'merci', 'merci beaucoup', 'ok', "d'accord", 'super',
  'quel temps fera-t-il demain ?', 'il pleut encore aujourd’hui', 'quelle est la capitale de l’Australie ?',
  'raconte-moi une blague', 'tu es un robot ?', 'comment tu t’appelles ?', 'quel âge as-tu ?', 'tu parles quelles langues ?',
  'qui a gagné le match hier soir ?', 'quel est le score du PSG ?', 'donne-moi une recette de crêpes', 'comment cuire des pâtes',
  'combien font 12 fois 8 ?', 'traduis « chat » en espagnol', 'quelle heure est-il à New York ?', 'quel jour sommes-nous ?',
  'je m’ennuie', 'j’aime les chats', 'mon chat dort sur le canapé', 'recommande-moi un bon film', 'quel livre lire cet été ?',
  'c’est quoi le sens de la vie ?', 'tu crois aux extraterrestres ?', 'chante-moi une chanson', 'joyeux anniversaire !',
  'bonne année à toute l’équipe', 'test test', 'test', 'asdfgh', '???', '...', 'hmm', 'lol', 'mdr', 'ptdr',
  'quelle est la hauteur de la tour Eiffel ?', 'qui est le président des États-Unis ?', 'combien de calories dans une pomme',
  'comment apprendre la guitare', 'où acheter des graines de tomates ?', 'quel est le meilleur restaurant italien de Lyon ?',
  'peux-tu m’aider pour mes devoirs de maths ?', 'écris-moi un poème sur la mer', 'conseils pour mieux dormir',
  'comment faire un nœud de cravate', 'quelle est la distance entre la Terre et la Lune', 'je cherche un plombier',
  'mon voisin fait trop de bruit', 'quelle race de chien choisir pour un appartement', 'comment planter un arbre fruitier',
  'quel vin servir avec du poisson ?', 'combien de temps faire bouillir un œuf', 'tu préfères le chocolat ou la vanille ?',
  'quelle est la température idéale d’une piscine', 'comment calculer un pourcentage', 'c’est qui le meilleur joueur de tennis ?',
  'je vais au cinéma ce soir', 'on se voit demain', 'bisous', 'à plus tard', 'bonne nuit', 'bon week-end',
  'je suis en vacances la semaine prochaine', 'il fait beau aujourd’hui', 'j’ai faim', 'quelle musique écoutes-tu ?',
  'peux-tu me donner la météo de Marseille ?', 'qui a écrit Les Misérables ?', 'convertis 10 miles en kilomètres',
  'combien d’habitants en France ?', 'quelle est la date de Pâques cette année ?', 'je cherche une idée de cadeau pour ma mère',
  'comment enlever une tache de vin rouge', 'qu’est-ce qu’un trou noir ?', 'donne-moi un synonyme de rapide',
];

const EN = [
  'hi', 'hello there', 'hey', 'good morning', 'how are you?', 'thanks', 'thank you so much', 'ok', 'cool', 'nice',
  'what will the weather be like tomorrow?', 'it is raining again', 'what is the capital of Australia?', 'tell me a joke',
  'are you a robot?', 'what is your name?', 'how old are you?', 'what languages do you speak?', 'who won the game last night?',
  'give me a pancake recipe', 'how long to boil pasta', 'what is 12 times 8?', 'translate cat into Spanish',
  'what time is it in Tokyo?', 'what day is it today?', 'I am bored', 'I love cats', 'recommend me a good movie',
  'what book should I read this summer?', 'what is the meaning of life?', 'do you believe in aliens?', 'sing me a song',
  'happy birthday!', 'happy new year to the team', 'test', 'testing 123', 'qwerty', '???', 'lol', 'haha', 'hmm',
  'how tall is the Eiffel Tower?', 'who is the president of France?', 'how many calories in a banana', 'how to learn guitar',
  'where can I buy tomato seeds?', 'best Italian restaurant in London?', 'can you help with my math homework?',
  'write me a poem about the sea', 'tips to sleep better', 'how to tie a tie', 'how far is the moon',
  'I need a plumber', 'my neighbour is too noisy', 'which dog breed is best for a flat', 'how to plant an apple tree',
  'what wine goes with fish?', 'how long to boil an egg', 'chocolate or vanilla?', 'how do I calculate a percentage',
  'who is the best tennis player ever?', 'going to the cinema tonight', 'see you tomorrow', 'good night', 'have a nice weekend',
  'I am on holiday next week', 'the weather is lovely today', 'I am hungry', 'what music do you like?',
  'who wrote Pride and Prejudice?', 'convert 10 miles to kilometres', 'what is the population of Canada?',
  'gift ideas for my mum', 'how to remove a red wine stain', 'what is a black hole?', 'give me a synonym for fast',
];

export const BACKGROUND_LABEL = '__background__';

export const BACKGROUND_MESSAGES: readonly string[] = [...FR, ...EN];
