package postgres

// migrations are applied in order; migration i brings the schema to version i+1, recorded in
// the tidings_schema table. Never edit a migration that has shipped: append a new one.
func migrations() []string {
	return []string{
		// 1: articles, their annotations, full-text search and feed state.
		`
CREATE TABLE articles (
	seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id               TEXT NOT NULL UNIQUE,
	url              TEXT NOT NULL DEFAULT '',
	canonical_url    TEXT UNIQUE,         -- NULL when the article has no http(s) address
	content_hash     TEXT NOT NULL UNIQUE, -- store.ContentHash of the text
	source           TEXT NOT NULL DEFAULT '',
	title            TEXT NOT NULL DEFAULT '',
	published        TEXT NOT NULL DEFAULT '',
	published_day    TEXT,                -- YYYY-MM-DD, NULL when unknown
	text             TEXT NOT NULL,
	stored           TEXT NOT NULL,       -- RFC 3339, UTC
	n_events         INTEGER NOT NULL DEFAULT 0,
	n_actors         INTEGER NOT NULL DEFAULT 0,
	n_quotes         INTEGER NOT NULL DEFAULT 0,
	doc              TEXT NOT NULL,       -- the whole document as contract JSON
	search           TSVECTOR NOT NULL    -- accent-folded title and text
);
CREATE INDEX articles_published ON articles (published_day, published);
CREATE INDEX articles_search ON articles USING GIN (search);

CREATE TABLE actors (
	article_seq BIGINT NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
	actor_id    TEXT NOT NULL,
	name        TEXT NOT NULL,
	name_key    TEXT NOT NULL,
	kind        TEXT NOT NULL DEFAULT '',
	country     TEXT NOT NULL DEFAULT '',
	sector      TEXT NOT NULL DEFAULT '',
	role        TEXT NOT NULL DEFAULT '',
	mentions    INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_seq, actor_id)
);
CREATE INDEX actors_name ON actors (name_key);
CREATE INDEX actors_country ON actors (country);

CREATE TABLE events (
	article_seq    BIGINT NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
	n              INTEGER NOT NULL,
	event_id       TEXT NOT NULL,
	type           TEXT NOT NULL,
	mode           TEXT NOT NULL DEFAULT '',
	certainty      TEXT NOT NULL DEFAULT '',
	attributed_to  TEXT NOT NULL DEFAULT '',
	date_value     TEXT NOT NULL DEFAULT '',
	date_text      TEXT NOT NULL DEFAULT '',
	day            TEXT,
	score          DOUBLE PRECISION NOT NULL DEFAULT 0,
	sentence_start INTEGER NOT NULL,
	sentence_end   INTEGER NOT NULL,
	trigger_start  INTEGER NOT NULL,
	trigger_end    INTEGER NOT NULL,
	evidence       TEXT NOT NULL DEFAULT '',
	trigger_text   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article_seq, n)
);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_type ON events (type, day);

CREATE TABLE event_actors (
	article_seq BIGINT NOT NULL,
	event_n     INTEGER NOT NULL,
	role        TEXT NOT NULL,
	pos         INTEGER NOT NULL,
	actor_id    TEXT NOT NULL,
	name        TEXT NOT NULL DEFAULT '',
	name_key    TEXT NOT NULL DEFAULT '',
	kind        TEXT NOT NULL DEFAULT '',
	country     TEXT NOT NULL DEFAULT '',
	node        TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article_seq, event_n, role, pos),
	FOREIGN KEY (article_seq, event_n) REFERENCES events (article_seq, n) ON DELETE CASCADE
);
CREATE INDEX event_actors_country ON event_actors (role, country);
CREATE INDEX event_actors_name ON event_actors (role, name_key);

CREATE TABLE quotes (
	article_seq     BIGINT NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
	n               INTEGER NOT NULL,
	text            TEXT NOT NULL,
	q_start         INTEGER NOT NULL,
	q_end           INTEGER NOT NULL,
	speaker_id      TEXT NOT NULL DEFAULT '',
	speaker_name    TEXT NOT NULL DEFAULT '',
	speaker_actor   TEXT NOT NULL DEFAULT '',
	speaker_country TEXT NOT NULL DEFAULT '',
	cue             TEXT NOT NULL DEFAULT '',
	kind            TEXT NOT NULL DEFAULT '',
	speaker_start   INTEGER NOT NULL DEFAULT 0,
	speaker_end     INTEGER NOT NULL DEFAULT 0,
	cue_start       INTEGER NOT NULL DEFAULT 0,
	cue_end         INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_seq, n)
);

CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_polled   TEXT NOT NULL DEFAULT '',
	errors        INTEGER NOT NULL DEFAULT 0,
	last_error    TEXT NOT NULL DEFAULT ''
);
`,
		// 2: near-duplicate articles and event groups. signature is the hex MinHash of the
		// text (NULL when too short to sign, and for articles stored before this version);
		// near_dup_of is the id of the first stored copy of the story; article_bands holds
		// the LSH band keys that find candidates. events.group_id names the event across
		// articles (type, dyad, day); events stored before this version keep a group of their
		// own until reprocessed.
		`
ALTER TABLE articles ADD COLUMN signature TEXT;
ALTER TABLE articles ADD COLUMN near_dup_of TEXT;
ALTER TABLE articles ADD COLUMN similarity DOUBLE PRECISION NOT NULL DEFAULT 0;
CREATE INDEX articles_near_dup_of ON articles (near_dup_of) WHERE near_dup_of IS NOT NULL;

CREATE TABLE article_bands (
	band_key    BIGINT NOT NULL,
	article_seq BIGINT NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
	PRIMARY KEY (band_key, article_seq)
);

ALTER TABLE events ADD COLUMN group_id TEXT NOT NULL DEFAULT '';
UPDATE events SET group_id = 'u:' || article_seq || ':' || n;
CREATE INDEX events_group ON events (group_id, article_seq, n);
`,
		// 3: events.reports counts the sentences of its article that report the event (the
		// event's own and its further mentions); events stored before this version count one
		// until reprocessed.
		`
ALTER TABLE events ADD COLUMN reports INTEGER NOT NULL DEFAULT 1;
`,
	}
}
