-- Crux schema, version 1. Flyway owns the schema; Hibernate only validates it.
-- Never edit this file after it has landed: add V2__..., V3__... instead.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- ---------------------------------------------------------------- accounts

CREATE TABLE app_user (
    id                 bigserial PRIMARY KEY,
    username           text        NOT NULL,
    display_name       text        NOT NULL,
    password_hash      text        NOT NULL,
    enabled            boolean     NOT NULL DEFAULT true,
    -- bumped by logout, password change and disabling: every session cookie
    -- carries the generation it was issued under and dies when it moves on
    session_generation integer     NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_user_username_format CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
    CONSTRAINT app_user_display_name_length CHECK (char_length(display_name) BETWEEN 1 AND 120)
);
CREATE UNIQUE INDEX app_user_username_key ON app_user (username);

CREATE TABLE user_role (
    user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    text   NOT NULL CHECK (role IN ('EDITOR', 'REVIEWER', 'ADMIN')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE api_token (
    id           bigserial PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name         text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
    -- SHA-256 of the token; the token itself is shown once and never stored
    token_hash   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
CREATE UNIQUE INDEX api_token_hash_key ON api_token (token_hash);
CREATE INDEX api_token_user_idx ON api_token (user_id, created_at DESC);

-- Failed logins, kept in the database so throttling holds across instances.
CREATE TABLE login_failure (
    id        bigserial PRIMARY KEY,
    username  text        NOT NULL,
    address   text        NOT NULL,
    failed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_username_idx ON login_failure (username, failed_at DESC);
CREATE INDEX login_failure_address_idx ON login_failure (address, failed_at DESC);

-- ---------------------------------------------------------------- documents

CREATE TABLE document (
    id               bigserial PRIMARY KEY,
    slug             text        NOT NULL,
    title            text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
    url              text,
    author           text,
    publisher        text,
    published_on     date,
    kind             text        NOT NULL DEFAULT 'ARTICLE'
                     CHECK (kind IN ('ARTICLE', 'STUDY', 'REVIEW', 'GUIDELINE', 'TRANSCRIPT', 'OTHER')),
    -- normalised body text; NULL for a citation-only source
    body             text,
    -- SHA-256 hex of the normalised body: the same text imported twice is refused
    body_hash        text,
    current_revision integer     NOT NULL DEFAULT 1,
    created_by       bigint      REFERENCES app_user (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    -- title outweighs body; only the first 200k characters are indexed so a
    -- very long transcript cannot overflow tsvector's 1 MB limit
    search           tsvector GENERATED ALWAYS AS (
                         setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                         setweight(to_tsvector('english', coalesce(author, '') || ' ' || coalesce(publisher, '')), 'C') ||
                         setweight(to_tsvector('english', left(coalesce(body, ''), 200000)), 'D')
                     ) STORED
);
CREATE UNIQUE INDEX document_slug_key ON document (slug);
CREATE UNIQUE INDEX document_body_hash_key ON document (body_hash) WHERE body_hash IS NOT NULL;
CREATE INDEX document_search_idx ON document USING gin (search);
CREATE INDEX document_title_trgm_idx ON document USING gin (title gin_trgm_ops);
CREATE INDEX document_created_idx ON document (created_at DESC);

-- Every revision of a document's text, the current one included.
CREATE TABLE document_revision (
    id          bigserial PRIMARY KEY,
    document_id bigint      NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    revision    integer     NOT NULL CHECK (revision >= 1),
    body        text        NOT NULL,
    body_hash   text        NOT NULL,
    created_by  bigint      REFERENCES app_user (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (document_id, revision)
);

-- A passage of a document: W3C Web Annotation TextPositionSelector (start, end)
-- plus TextQuoteSelector (exact, prefix, suffix), offsets into document.body.
CREATE TABLE excerpt (
    id           bigserial PRIMARY KEY,
    document_id  bigint      NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    start_offset integer     NOT NULL CHECK (start_offset >= 0),
    end_offset   integer     NOT NULL,
    exact        text        NOT NULL CHECK (char_length(exact) >= 1),
    prefix       text        NOT NULL DEFAULT '',
    suffix       text        NOT NULL DEFAULT '',
    -- the revision the offsets refer to
    revision     integer     NOT NULL DEFAULT 1,
    -- re-anchoring could not find the passage in the current revision
    orphaned     boolean     NOT NULL DEFAULT false,
    -- re-anchoring found the passage with different words
    changed      boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (end_offset > start_offset)
);
CREATE INDEX excerpt_document_idx ON excerpt (document_id, start_offset);
CREATE INDEX excerpt_attention_idx ON excerpt (document_id) WHERE orphaned OR changed;

-- ---------------------------------------------------------------- claims

CREATE TABLE claim (
    id             bigserial PRIMARY KEY,
    slug           text        NOT NULL,
    statement      text        NOT NULL CHECK (char_length(statement) BETWEEN 3 AND 500),
    status         text        NOT NULL DEFAULT 'PUBLISHED'
                   CHECK (status IN ('DRAFT', 'PUBLISHED', 'MERGED', 'RETRACTED')),
    merged_into_id bigint      REFERENCES claim (id),
    -- optimistic locking (JPA @Version)
    version        integer     NOT NULL DEFAULT 0,
    created_by     bigint      REFERENCES app_user (id),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    search         tsvector GENERATED ALWAYS AS (
                       setweight(to_tsvector('english', statement), 'A')
                   ) STORED,
    CHECK ((status = 'MERGED') = (merged_into_id IS NOT NULL)),
    CHECK (merged_into_id IS DISTINCT FROM id)
);
CREATE UNIQUE INDEX claim_slug_key ON claim (slug);
CREATE INDEX claim_search_idx ON claim USING gin (search);
CREATE INDEX claim_statement_trgm_idx ON claim USING gin (statement gin_trgm_ops);
CREATE INDEX claim_merged_into_idx ON claim (merged_into_id) WHERE merged_into_id IS NOT NULL;

CREATE TABLE tag (
    id   bigserial PRIMARY KEY,
    slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,59}$'),
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 60)
);
CREATE UNIQUE INDEX tag_slug_key ON tag (slug);

CREATE TABLE claim_tag (
    claim_id bigint NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    tag_id   bigint NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (claim_id, tag_id)
);
CREATE INDEX claim_tag_tag_idx ON claim_tag (tag_id, claim_id);

-- ---------------------------------------------------------------- evidence and votes

CREATE TABLE evidence (
    id            bigserial PRIMARY KEY,
    claim_id      bigint      NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    document_id   bigint      NOT NULL REFERENCES document (id),
    -- NULL when the evidence is a whole (citation-only) source
    excerpt_id    bigint      REFERENCES excerpt (id),
    stance        text        NOT NULL CHECK (stance IN ('SUPPORTS', 'CONFLICTS')),
    note          text,
    -- optional context: why sources may differ
    population    text,
    intervention  text,
    comparison    text,
    outcome       text,
    study_type    text,
    -- kept in step with the votes by the write path (see ClaimScore):
    -- mean strength 1..4, unrated counts as VERY_LOW (1), stance disputed by a majority counts 0
    weight        numeric(4, 2) NOT NULL DEFAULT 1,
    vote_count    integer     NOT NULL DEFAULT 0,
    dispute_count integer     NOT NULL DEFAULT 0,
    created_by    bigint      REFERENCES app_user (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX evidence_claim_excerpt_key ON evidence (claim_id, excerpt_id) WHERE excerpt_id IS NOT NULL;
CREATE UNIQUE INDEX evidence_claim_source_key ON evidence (claim_id, document_id) WHERE excerpt_id IS NULL;
CREATE INDEX evidence_claim_idx ON evidence (claim_id, stance, weight DESC);
CREATE INDEX evidence_document_idx ON evidence (document_id, claim_id);
CREATE INDEX evidence_excerpt_idx ON evidence (excerpt_id);

CREATE TABLE vote (
    evidence_id     bigint      NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    reviewer_id     bigint      NOT NULL REFERENCES app_user (id),
    strength        text        NOT NULL CHECK (strength IN ('HIGH', 'MODERATE', 'LOW', 'VERY_LOW')),
    disputes_stance boolean     NOT NULL DEFAULT false,
    rationale       text        CHECK (char_length(rationale) <= 2000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (evidence_id, reviewer_id)
);
CREATE INDEX vote_reviewer_idx ON vote (reviewer_id, updated_at DESC);

-- Per-claim aggregates, updated in the same transaction as every vote, evidence
-- change, merge or retraction, so ranking pages never scan evidence.
CREATE TABLE claim_score (
    claim_id         bigint        PRIMARY KEY REFERENCES claim (id) ON DELETE CASCADE,
    support_weight   numeric(12, 2) NOT NULL DEFAULT 0,
    conflict_weight  numeric(12, 2) NOT NULL DEFAULT 0,
    support_count    integer       NOT NULL DEFAULT 0,
    conflict_count   integer       NOT NULL DEFAULT 0,
    vote_count       integer       NOT NULL DEFAULT 0,
    -- 2·min(S,C)/(S+C): 0 one-sided, 1 evenly split
    contestedness    numeric(5, 4) NOT NULL DEFAULT 0 CHECK (contestedness BETWEEN 0 AND 1),
    -- contestedness × (S + C): the order of /contested
    rank_score       numeric(14, 4) NOT NULL DEFAULT 0,
    verdict          text          NOT NULL DEFAULT 'UNREVIEWED'
                     CHECK (verdict IN ('UNREVIEWED', 'SUPPORTED', 'CONTESTED', 'REFUTED')),
    last_activity_at timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX claim_score_rank_idx ON claim_score (rank_score DESC, claim_id);
CREATE INDEX claim_score_activity_idx ON claim_score (last_activity_at DESC);

-- ---------------------------------------------------------------- audit

CREATE TABLE audit_event (
    id          bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor_id    bigint      REFERENCES app_user (id),
    actor_name  text        NOT NULL,
    action      text        NOT NULL,
    entity_type text        NOT NULL,
    entity_id   bigint,
    summary     text        NOT NULL DEFAULT '',
    before      jsonb,
    after       jsonb
);
CREATE INDEX audit_event_recent_idx ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, occurred_at DESC);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, occurred_at DESC);
