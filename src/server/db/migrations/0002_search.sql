-- Knowledge search (src/server/knowledge/search/): full-text search with French and English stemming,
-- accent-insensitive, plus trigram similarity for typos. Same statements on PGlite and PostgreSQL.

-- unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index expression or
-- an immutable function. This wrapper names the dictionary explicitly and promises immutability, which holds
-- as long as nobody edits unaccent.rules (if someone does: REINDEX, and rebuild knowledge_search_words).
CREATE OR REPLACE FUNCTION relais_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint

-- Stop words with their accents, dropped before folding (else "été" would survive as the lexeme "ete").
CREATE TEXT SEARCH DICTIONARY relais_french_stop (TEMPLATE = pg_catalog.simple, STOPWORDS = french, ACCEPT = false);
--> statement-breakpoint
CREATE TEXT SEARCH DICTIONARY relais_english_stop (TEMPLATE = pg_catalog.simple, STOPWORDS = english, ACCEPT = false);
--> statement-breakpoint

-- Accent folding inside the text search configurations (rather than to_tsvector(relais_unaccent(x))):
-- ts_headline can then pick and show fragments of the original, accented text.
CREATE TEXT SEARCH CONFIGURATION relais_french (COPY = pg_catalog.french);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION relais_french
  ALTER MAPPING FOR hword, hword_part, word WITH relais_french_stop, public.unaccent, french_stem;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION relais_english (COPY = pg_catalog.english);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION relais_english
  ALTER MAPPING FOR hword, hword_part, word WITH relais_english_stop, public.unaccent, english_stem;
--> statement-breakpoint

-- Every GIN index here has fastupdate off: its pending list of unsorted new entries is scanned linearly by
-- every search until VACUUM merges it, and PGlite has no autovacuum. Inserts pay a little more instead.

-- Published articles: one stemmed index per language (a question of unknown language is looked up in both).
-- The queries repeat these expressions and predicates word for word, or the planner ignores the indexes.
CREATE INDEX articles_search_fr_idx ON articles
  USING gin (to_tsvector('relais_french'::regconfig, title || ' ' || body)) WITH (fastupdate = off) WHERE status = 'published';
--> statement-breakpoint
CREATE INDEX articles_search_en_idx ON articles
  USING gin (to_tsvector('relais_english'::regconfig, title || ' ' || body)) WITH (fastupdate = off) WHERE status = 'published';
--> statement-breakpoint

-- Typo tolerance: the words of each organization's published articles, with a trigram index, so that a
-- misspelled word of a question ("rembourssement") finds its spelling ("remboursement") in milliseconds.
-- A trigram index on the article bodies themselves would need word_similarity() rechecked on every long
-- body sharing trigrams with the word (measured: ~15 ms per unknown word at 200 articles, growing linearly).
-- Kept by a trigger on articles; `articles` counts the published articles containing the word.
CREATE TABLE knowledge_search_words (
  org_id uuid NOT NULL REFERENCES organizations(id),
  word text NOT NULL,
  articles integer NOT NULL,
  PRIMARY KEY (org_id, word)
);
--> statement-breakpoint
CREATE INDEX knowledge_search_words_trgm_idx ON knowledge_search_words USING gin (word gin_trgm_ops) WITH (fastupdate = off);
--> statement-breakpoint
-- Accent-folded, lower-case words of 3 to 40 letters, without digits (references and times are not vocabulary).
CREATE OR REPLACE FUNCTION relais_article_words(title text, body text) RETURNS SETOF text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT DISTINCT w FROM regexp_split_to_table(lower(relais_unaccent(title || ' ' || body)), '[^[:alnum:]]+') AS w
    WHERE length(w) BETWEEN 3 AND 40 AND w !~ '[0-9]'
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relais_track_article_words() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'published' THEN
      UPDATE knowledge_search_words SET articles = articles - 1
        WHERE org_id = OLD.org_id AND word IN (SELECT relais_article_words(OLD.title, OLD.body));
      DELETE FROM knowledge_search_words
        WHERE org_id = OLD.org_id AND articles <= 0 AND word IN (SELECT relais_article_words(OLD.title, OLD.body));
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'published' THEN
      -- In word order, so two transactions publishing in one organization lock rows in the same order.
      INSERT INTO knowledge_search_words (org_id, word, articles)
        SELECT NEW.org_id, w, 1 FROM relais_article_words(NEW.title, NEW.body) AS w ORDER BY w
        ON CONFLICT (org_id, word) DO UPDATE SET articles = knowledge_search_words.articles + 1;
    END IF;
    RETURN NULL;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER articles_search_words AFTER INSERT OR DELETE OR UPDATE OF org_id, title, body, status ON articles
  FOR EACH ROW EXECUTE FUNCTION relais_track_article_words();
--> statement-breakpoint
INSERT INTO knowledge_search_words (org_id, word, articles)
  SELECT a.org_id, w, count(*) FROM articles a, relais_article_words(a.title, a.body) AS w
  WHERE a.status = 'published' GROUP BY a.org_id, w;
--> statement-breakpoint

-- Past answers: the customers' questions and the staff's replies (bots and system notices left out).
-- No trigram index here: at 100k conversations its typo scans cost hundreds of milliseconds, and the
-- corrected spelling found in the articles is looked up in these stemmed indexes instead.
CREATE INDEX messages_search_fr_idx ON messages
  USING gin (to_tsvector('relais_french'::regconfig, body)) WITH (fastupdate = off) WHERE author_kind IN ('customer', 'agent', 'expert');
--> statement-breakpoint
CREATE INDEX messages_search_en_idx ON messages
  USING gin (to_tsvector('relais_english'::regconfig, body)) WITH (fastupdate = off) WHERE author_kind IN ('customer', 'agent', 'expert');
