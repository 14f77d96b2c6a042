namespace AlertBot.Core.Storage;

/// <summary>
/// Forward-only schema migrations. The database's <c>PRAGMA user_version</c> is the number of
/// migrations applied. Never edit a migration that has shipped: add a new one at the end.
/// </summary>
internal static class Migrations
{
    /// <summary>
    /// Starts a migration that rebuilds a table (SQLite cannot drop a constraint): <see cref="Database.MigrateAsync"/> runs
    /// it with foreign keys off, since dropping the old table would otherwise cascade into the rows that reference it and
    /// SQLite ignores <c>PRAGMA foreign_keys</c> inside a transaction, and checks the references before committing.
    /// </summary>
    public const string RebuildsTables = "-- rebuilds tables: run with foreign keys off\n";

    public static IReadOnlyList<string> All { get; } =
    [
        // 1: the walking skeleton.
        """
        CREATE TABLE topics (
            id                     TEXT PRIMARY KEY,
            name                   TEXT NOT NULL,
            query                  TEXT NOT NULL DEFAULT '',
            check_interval_seconds INTEGER NOT NULL,
            created_at             TEXT NOT NULL
        );
        CREATE TABLE sources (
            id               INTEGER PRIMARY KEY,
            topic_id         TEXT NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
            url              TEXT NOT NULL,
            drip             INTEGER NOT NULL DEFAULT 0,
            drip_position    INTEGER NOT NULL DEFAULT 0,
            etag             TEXT,
            last_modified    TEXT,
            last_checked_at  TEXT,
            last_success_at  TEXT,
            next_check_at    TEXT,
            error_count      INTEGER NOT NULL DEFAULT 0,
            last_error       TEXT,
            disabled         INTEGER NOT NULL DEFAULT 0,
            UNIQUE (topic_id, url)
        );
        CREATE TABLE articles (
            id           INTEGER PRIMARY KEY,
            topic_id     TEXT NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
            source_id    INTEGER REFERENCES sources(id) ON DELETE SET NULL,
            identity     TEXT NOT NULL,
            title        TEXT NOT NULL,
            link         TEXT,
            outlet       TEXT,
            published_at TEXT,
            fetched_at   TEXT NOT NULL,
            text         TEXT NOT NULL,
            summary      TEXT NOT NULL,
            UNIQUE (topic_id, identity)
        );
        CREATE INDEX articles_topic_recent ON articles (topic_id, id DESC);
        CREATE TABLE chats (
            platform        TEXT NOT NULL,
            chat_id         TEXT NOT NULL,
            is_private      INTEGER NOT NULL DEFAULT 0,
            disabled        INTEGER NOT NULL DEFAULT 0,
            disabled_reason TEXT,
            created_at      TEXT NOT NULL,
            PRIMARY KEY (platform, chat_id)
        );
        CREATE TABLE subscriptions (
            id         INTEGER PRIMARY KEY,
            platform   TEXT NOT NULL,
            chat_id    TEXT NOT NULL,
            user_id    TEXT NOT NULL,
            topic_id   TEXT REFERENCES topics(id) ON DELETE CASCADE,
            query      TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            FOREIGN KEY (platform, chat_id) REFERENCES chats(platform, chat_id) ON DELETE CASCADE ON UPDATE CASCADE
        );
        CREATE INDEX subscriptions_chat ON subscriptions (platform, chat_id);
        CREATE TABLE outbox (
            id              INTEGER PRIMARY KEY,
            platform        TEXT NOT NULL,
            chat_id         TEXT NOT NULL,
            article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            subscription_id INTEGER,
            status          TEXT NOT NULL DEFAULT 'pending',
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error      TEXT,
            created_at      TEXT NOT NULL,
            sent_at         TEXT,
            UNIQUE (platform, chat_id, article_id),
            FOREIGN KEY (platform, chat_id) REFERENCES chats(platform, chat_id) ON DELETE CASCADE ON UPDATE CASCADE
        );
        CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
        CREATE TABLE platform_state (
            platform TEXT NOT NULL,
            key      TEXT NOT NULL,
            value    TEXT,
            PRIMARY KEY (platform, key)
        );
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY,
            value TEXT
        );
        """,
        // 2: source fetch health (issue 3): consecutive 404s disable a source; a failing notice is sent once.
        """
        ALTER TABLE sources ADD COLUMN not_found_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE sources ADD COLUMN failing_noticed INTEGER NOT NULL DEFAULT 0;
        """,
        // 3: figures reported by each article (value or range, measure, subject, who claims it, when, the sentence).
        """
        CREATE TABLE figures (
            id         INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position   INTEGER NOT NULL,
            value      REAL NOT NULL,
            value_high REAL,
            measure    TEXT NOT NULL,
            subject    TEXT,
            qualifier  TEXT,
            claimed_by TEXT,
            when_text  TEXT,
            quote      TEXT NOT NULL,
            UNIQUE (article_id, position)
        );
        CREATE INDEX figures_article ON figures (article_id);
        """,
        // 4: a burst of alerts for one target from one check is sent as one digest (issue 3).
        """
        ALTER TABLE outbox ADD COLUMN batch TEXT;
        CREATE INDEX outbox_batch ON outbox (batch) WHERE batch IS NOT NULL;
        """,
        // 5: an article is marked routed once its outbox rows are written, so a crash in between is repaired by the next check.
        """
        ALTER TABLE articles ADD COLUMN routed INTEGER NOT NULL DEFAULT 1;
        CREATE INDEX articles_unrouted ON articles (source_id) WHERE routed = 0;
        """,
        // 6: one check, one commit (issue 13). Articles, figures, outbox rows and the source's state are written in one
        // transaction, so the routed flag that repaired a split write goes. A failing item is skipped and counted on its
        // source. Health notices are outbox rows too: the outbox is rebuilt with a nullable article and a notice text.
        """
        DROP INDEX articles_unrouted;
        ALTER TABLE articles DROP COLUMN routed;
        ALTER TABLE sources ADD COLUMN skipped_items INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE sources ADD COLUMN last_item_error TEXT;
        CREATE TABLE outbox_new (
            id              INTEGER PRIMARY KEY,
            platform        TEXT NOT NULL,
            chat_id         TEXT NOT NULL,
            article_id      INTEGER REFERENCES articles(id) ON DELETE CASCADE,
            notice          TEXT,
            subscription_id INTEGER,
            status          TEXT NOT NULL DEFAULT 'pending',
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error      TEXT,
            created_at      TEXT NOT NULL,
            sent_at         TEXT,
            batch           TEXT,
            UNIQUE (platform, chat_id, article_id),
            FOREIGN KEY (platform, chat_id) REFERENCES chats(platform, chat_id) ON DELETE CASCADE ON UPDATE CASCADE,
            CHECK ((article_id IS NULL) <> (notice IS NULL))
        );
        INSERT INTO outbox_new (id, platform, chat_id, article_id, subscription_id, status, attempts, next_attempt_at, last_error, created_at, sent_at, batch)
        SELECT id, platform, chat_id, article_id, subscription_id, status, attempts, next_attempt_at, last_error, created_at, sent_at, batch FROM outbox;
        DROP TABLE outbox;
        ALTER TABLE outbox_new RENAME TO outbox;
        CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
        CREATE INDEX outbox_batch ON outbox (batch) WHERE batch IS NOT NULL;
        """,
        // Subscription ids are never reused (issue 14): an old alert's Unsubscribe button or "/unsubscribe 4" must never
        // reach a newer subscription. The table is rebuilt with AUTOINCREMENT, keeping every row and id, and the id
        // sequence starts above every id ever handed out, including deleted ones that alerts in the outbox still name.
        """
        CREATE TABLE subscriptions_v2 (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            platform   TEXT NOT NULL,
            chat_id    TEXT NOT NULL,
            user_id    TEXT NOT NULL,
            topic_id   TEXT REFERENCES topics(id) ON DELETE CASCADE,
            query      TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            FOREIGN KEY (platform, chat_id) REFERENCES chats(platform, chat_id) ON DELETE CASCADE ON UPDATE CASCADE
        );
        INSERT INTO subscriptions_v2 (id, platform, chat_id, user_id, topic_id, query, created_at)
            SELECT id, platform, chat_id, user_id, topic_id, query, created_at FROM subscriptions;
        DROP TABLE subscriptions;
        ALTER TABLE subscriptions_v2 RENAME TO subscriptions;
        CREATE INDEX subscriptions_chat ON subscriptions (platform, chat_id);
        DELETE FROM sqlite_sequence WHERE name = 'subscriptions';
        INSERT INTO sqlite_sequence (name, seq) SELECT 'subscriptions', MAX(COALESCE((SELECT MAX(id) FROM subscriptions), 0),
            COALESCE((SELECT MAX(subscription_id) FROM outbox), 0));
        """,
        // Channel settings (issue 10): how and when each channel receives alerts; a subscription may ask for digests;
        // moderators' changes are recorded in audit_log (issue 14's /audit reads it).
        """
        CREATE TABLE channel_settings (
            platform       TEXT NOT NULL,
            chat_id        TEXT NOT NULL,
            mode           TEXT NOT NULL DEFAULT 'instant',
            digest_at      TEXT NOT NULL DEFAULT '08:00,18:00',
            time_zone      TEXT NOT NULL DEFAULT 'UTC',
            quiet          TEXT,
            max_per_hour   INTEGER,
            summary_length INTEGER NOT NULL DEFAULT 300,
            figures        INTEGER NOT NULL DEFAULT 1,
            previews       INTEGER NOT NULL DEFAULT 1,
            paused         INTEGER NOT NULL DEFAULT 0,
            updated_at     TEXT NOT NULL,
            PRIMARY KEY (platform, chat_id),
            FOREIGN KEY (platform, chat_id) REFERENCES chats(platform, chat_id) ON DELETE CASCADE ON UPDATE CASCADE
        );
        ALTER TABLE subscriptions ADD COLUMN digest INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX outbox_chat_status ON outbox (platform, chat_id, status);
        CREATE TABLE audit_log (
            id        INTEGER PRIMARY KEY,
            platform  TEXT NOT NULL,
            chat_id   TEXT NOT NULL,
            user_id   TEXT NOT NULL,
            user_name TEXT,
            action    TEXT NOT NULL,
            before    TEXT,
            after     TEXT,
            at        TEXT NOT NULL
        );
        CREATE INDEX audit_log_chat ON audit_log (platform, chat_id, id DESC);
        """,
        // figures.unit (issue 11): null for counts, a currency code ("USD", "EUR", "INR") for money, "%" for rates and shares.
        """
        ALTER TABLE figures ADD COLUMN unit TEXT;
        """,
        // outbox rows and source checks are claimed with a lease (owner + expiry), so two processes on one database
        // never send one row or check one feed at once, and a dead owner's claims are taken over when they expire (issue 16).
        """
        ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
        ALTER TABLE outbox ADD COLUMN claim_expires_at TEXT;
        ALTER TABLE sources ADD COLUMN claimed_by TEXT;
        ALTER TABLE sources ADD COLUMN claim_expires_at TEXT;
        """,
        // Stories (issue 15): one real-world event, however many outlets report it, across feeds and topics. Each article
        // belongs to one story; an outbox row names its story and kind (the one alert per target and story, an edit of it
        // when more outlets join, an update replying to it) and keeps the platform's message id, which edits and replies
        // need. Channels choose whether they get updates.
        """
        CREATE TABLE stories (
            id            INTEGER PRIMARY KEY,
            first_seen_at TEXT NOT NULL,
            last_seen_at  TEXT NOT NULL,
            title         TEXT NOT NULL,
            reports       INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX stories_first_seen ON stories (first_seen_at);
        ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories(id);
        CREATE INDEX articles_story ON articles (story_id);
        ALTER TABLE outbox ADD COLUMN story_id INTEGER;
        ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'alert';
        ALTER TABLE outbox ADD COLUMN message_id TEXT;
        CREATE INDEX outbox_story ON outbox (platform, chat_id, story_id) WHERE story_id IS NOT NULL;
        ALTER TABLE channel_settings ADD COLUMN updates INTEGER NOT NULL DEFAULT 1;
        """,
        // Shared feeds and community topics (issue 14). A source is a feed, one row per URL however many topics use it,
        // with one fetch state; topic_sources links topics to feeds. An item is stored once per feed; topic_articles says
        // which topics it belongs to (the topic's query passed). A topic has an owner (NULL: the operator's, from
        // topics.json; else "platform:community"), can be paused, and is removed by marking it (sources.topic_id and
        // articles.topic_id still name the topic that first brought them, so topic rows are never deleted). Sources that
        // shared a URL are merged into the lowest id (a link's added_by is NULL when topics.json made it, so applying the file
        // only ever unlinks its own feeds): articles, links and sent history move to it, duplicates of one item
        // collapse into the oldest row.
        """
        ALTER TABLE topics ADD COLUMN owner TEXT;
        ALTER TABLE topics ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE topics ADD COLUMN removed_at TEXT;
        ALTER TABLE topics ADD COLUMN created_by TEXT;
        ALTER TABLE sources ADD COLUMN title TEXT;
        ALTER TABLE sources ADD COLUMN added_by TEXT;
        CREATE TABLE topic_sources (
            topic_id TEXT NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            added_at TEXT NOT NULL,
            added_by TEXT,
            PRIMARY KEY (topic_id, source_id)
        );
        CREATE INDEX topic_sources_source ON topic_sources (source_id);
        CREATE TABLE topic_articles (
            topic_id   TEXT NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (topic_id, article_id)
        );
        CREATE INDEX topic_articles_article ON topic_articles (article_id);
        INSERT INTO topic_sources (topic_id, source_id, added_at)
            SELECT s.topic_id, (SELECT MIN(k.id) FROM sources k WHERE k.url = s.url), t.created_at
            FROM sources s JOIN topics t ON t.id = s.topic_id;
        INSERT INTO topic_articles (topic_id, article_id) SELECT topic_id, id FROM articles;
        UPDATE articles SET source_id = (SELECT MIN(k.id) FROM sources k WHERE k.url = (SELECT s.url FROM sources s WHERE s.id = articles.source_id))
            WHERE source_id IS NOT NULL;
        CREATE TEMP TABLE merged_articles AS
            SELECT a.id AS dup, (SELECT MIN(b.id) FROM articles b WHERE b.source_id = a.source_id AND b.identity = a.identity) AS keep
            FROM articles a WHERE a.source_id IS NOT NULL;
        DELETE FROM merged_articles WHERE dup = keep;
        INSERT INTO topic_articles (topic_id, article_id)
            SELECT ta.topic_id, m.keep FROM topic_articles ta JOIN merged_articles m ON m.dup = ta.article_id WHERE 1
            ON CONFLICT DO NOTHING;
        UPDATE OR IGNORE outbox SET article_id = (SELECT m.keep FROM merged_articles m WHERE m.dup = outbox.article_id)
            WHERE article_id IN (SELECT dup FROM merged_articles);
        DELETE FROM articles WHERE id IN (SELECT dup FROM merged_articles);
        DROP TABLE merged_articles;
        DELETE FROM sources WHERE id <> (SELECT MIN(k.id) FROM sources k WHERE k.url = sources.url);
        CREATE UNIQUE INDEX sources_url ON sources (url);
        CREATE UNIQUE INDEX articles_source_identity ON articles (source_id, identity);
        """,
        // The image a feed gives an item (media:thumbnail, media:content, itunes:image, JSON Feed image): the thumbnail
        // of its Discord alert when the channel has previews on. NULL for articles stored before.
        """
        ALTER TABLE articles ADD COLUMN image_url TEXT;
        """,
        // The live claims in a chat, which a claim round looks up for every row it considers (one process sends to a chat
        // at a time): only rows being sent are in it.
        """
        CREATE INDEX outbox_claimed ON outbox (platform, chat_id) WHERE claimed_by IS NOT NULL;
        """,
        // Story ids come from the database, a block at a time, so two processes checking at once never give two events one
        // number (they used to count on from the highest stored id each). One row: the next id not handed out yet.
        """
        CREATE TABLE story_ids (
            id      INTEGER PRIMARY KEY CHECK (id = 1),
            next_id INTEGER NOT NULL
        );
        INSERT INTO story_ids (id, next_id) SELECT 1, COALESCE(MAX(id), 0) + 1 FROM stories;
        """,
        // Each item is stored once per feed (issue 14): articles lose the old UNIQUE (topic_id, identity), which dropped an
        // item that a second feed of the row's topic also carried, so a topic using only that second feed never got it.
        // articles_source_identity is the key. Ids are kept, so figures, outbox rows and topic links still point at them.
        RebuildsTables +
        """
        CREATE TABLE articles_rebuilt (
            id           INTEGER PRIMARY KEY,
            topic_id     TEXT NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
            source_id    INTEGER REFERENCES sources(id) ON DELETE SET NULL,
            identity     TEXT NOT NULL,
            title        TEXT NOT NULL,
            link         TEXT,
            outlet       TEXT,
            published_at TEXT,
            fetched_at   TEXT NOT NULL,
            text         TEXT NOT NULL,
            summary      TEXT NOT NULL,
            story_id     INTEGER REFERENCES stories(id),
            image_url    TEXT
        );
        INSERT INTO articles_rebuilt (id, topic_id, source_id, identity, title, link, outlet, published_at, fetched_at, text, summary, story_id, image_url)
            SELECT id, topic_id, source_id, identity, title, link, outlet, published_at, fetched_at, text, summary, story_id, image_url FROM articles;
        DROP TABLE articles;
        ALTER TABLE articles_rebuilt RENAME TO articles;
        CREATE INDEX articles_topic_recent ON articles (topic_id, id DESC);
        CREATE INDEX articles_story ON articles (story_id);
        CREATE UNIQUE INDEX articles_source_identity ON articles (source_id, identity);
        """,
        // figures_article repeated the leading column of the figures' UNIQUE (article_id, position) key, which answers the
        // same lookups: every stored figure updated both.
        """
        DROP INDEX figures_article;
        """,
    ];
}
