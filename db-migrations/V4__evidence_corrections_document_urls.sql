-- Editors correct what they got wrong (issue 11, items 1 and 2).

-- Evidence is edited with optimistic locking (version) and detached softly: a detached item keeps
-- its row, votes and history, is left out of every page, score, list and export for the public,
-- and an editor can restore it. Readers filter on detached_at IS NULL (the entity carries it as
-- an SQL restriction, native reads say it themselves).
ALTER TABLE evidence
    ADD COLUMN version     integer     NOT NULL DEFAULT 1,
    ADD COLUMN detached_at timestamptz,
    ADD COLUMN detached_by bigint      REFERENCES app_user (id);
CREATE INDEX evidence_detached_idx ON evidence (claim_id) WHERE detached_at IS NOT NULL;

-- A document's version rises with every revision and every metadata edit: it is the document's
-- ETag. It starts equal to the revision, so the ETags clients already hold stay valid.
ALTER TABLE document ADD COLUMN version integer NOT NULL DEFAULT 1;
UPDATE document SET version = current_revision;

-- The key under which two addresses count as the same page: scheme, "www.", default port,
-- fragment and trailing slashes do not matter; host case does not either, path and query case do.
-- Defined once here; the unique index and every look-up (DocumentUrl.owner) use it.
CREATE FUNCTION document_url_key(url text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN m IS NULL THEN lower(btrim(url))
                ELSE regexp_replace(lower(m[1]), '^www\.', '')
                     || coalesce(':' || nullif(nullif(m[2], '80'), '443'), '')
                     || rtrim(m[3], '/')
                     || coalesce(nullif(m[4], '?'), '') END
    FROM regexp_match(btrim(url), '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?([^/?#:]*)(?::([0-9]*))?([^?#]*)(\?[^#]*)?') AS m
$$;

-- Every address of a document, its main one (document.url) included; one page is one document.
CREATE TABLE document_url (
    id          bigserial   PRIMARY KEY,
    document_id bigint      NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    url         text        NOT NULL CHECK (char_length(url) BETWEEN 1 AND 2000),
    url_key     text        NOT NULL GENERATED ALWAYS AS (document_url_key(url)) STORED,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX document_url_key_idx ON document_url (url_key);
CREATE INDEX document_url_document_idx ON document_url (document_id, id);

-- Documents imported before this kept their address in document.url only; where two of them
-- share one, the older keeps it in this table (the newer still shows it).
INSERT INTO document_url (document_id, url)
SELECT id, url FROM document WHERE url IS NOT NULL ORDER BY id
ON CONFLICT DO NOTHING;
