-- Crux benchmark data, made by SQL alone (psql). Sizes come from psql variables:
--   psql -v docs=1000 -v claims=10000 -v users=100 -f bench/generate.sql <jdbc-less connection string>
-- Each claim gets 2 to 40 evidence items (10 on average), each item 3 votes on average,
-- documents ~6 KB of text, tags from a few hundred. Everything is invented filler text.
\set ON_ERROR_STOP on
\timing on

BEGIN;

-- reviewers and editors (disabled: they exist to own rows, nobody signs in as them)
INSERT INTO app_user (username, display_name, password_hash, enabled)
SELECT 'bench-user-' || g, 'Bench user ' || g, '!', false FROM generate_series(1, :users) g;
INSERT INTO user_role (user_id, role) SELECT id, 'REVIEWER' FROM app_user WHERE username LIKE 'bench-user-%';

INSERT INTO tag (slug, name) SELECT 'bench-topic-' || g, 'Bench topic ' || g FROM generate_series(1, 300) g;

-- documents: ~6 KB of varied sentences each, so full-text search has something to chew on
INSERT INTO document (slug, title, kind, body, body_hash, publisher)
SELECT 'bench-doc-' || g,
       'Bench document ' || g || ' on ' || (ARRAY['stretching','posture','recovery','running','strength','mobility'])[1 + g % 6],
       (ARRAY['ARTICLE','STUDY','REVIEW','GUIDELINE','TRANSCRIPT','OTHER'])[1 + g % 6],
       body, md5(body), 'Bench publisher ' || (g % 50)
FROM (SELECT g, string_agg('Sentence ' || s || ' of document ' || g || ' notes that '
                || (ARRAY['hamstrings','warm-ups','sleep','hydration','posture','sprinting','cooling down','foam rolling'])[1 + (g + s) % 8]
                || ' may ' || (ARRAY['help','hurt','change little','matter more than expected'])[1 + (g * s) % 4]
                || ' for ' || (ARRAY['runners','older adults','office workers','footballers'])[1 + s % 4] || '.', ' ')
             || E'\n\nClosing paragraph of document ' || g || '.' AS body
      FROM generate_series(1, :docs) g, generate_series(1, 60) s GROUP BY g) d;

INSERT INTO document_revision (document_id, revision, body, body_hash)
SELECT id, 1, body, body_hash FROM document WHERE slug LIKE 'bench-doc-%';

INSERT INTO claim (slug, statement, status)
SELECT 'bench-claim-' || g, 'Bench claim ' || g || ': '
       || (ARRAY['hamstrings','warm-ups','sleep','hydration','posture','sprinting','cooling down','foam rolling'])[1 + g % 8]
       || ' ' || (ARRAY['help','hurt','change little for','matter for'])[1 + g % 4] || ' '
       || (ARRAY['runners','older adults','office workers','footballers'])[1 + (g / 4) % 4], 'PUBLISHED'
FROM generate_series(1, :claims) g;

INSERT INTO claim_tag (claim_id, tag_id)
SELECT c.id, t.id FROM claim c JOIN tag t ON t.slug = 'bench-topic-' || (1 + c.id % 300) WHERE c.slug LIKE 'bench-claim-%';

-- excerpts: sentence-sized passages of the documents, at real offsets
CREATE TEMP TABLE bench_evidence AS
SELECT c.id AS claim_id, d.id AS document_id, (c.id * 7 + n) % 60 AS sentence,
       CASE WHEN (c.id + n) % 3 = 0 THEN 'CONFLICTS' ELSE 'SUPPORTS' END AS stance, n
FROM claim c
CROSS JOIN LATERAL generate_series(1, 2 + (c.id * 7 % 17)::int) n
JOIN document d ON d.slug = 'bench-doc-' || (1 + (c.id * 31 + n * 17) % :docs)
WHERE c.slug LIKE 'bench-claim-%';

INSERT INTO excerpt (document_id, start_offset, end_offset, exact, prefix, suffix)
SELECT DISTINCT ON (b.document_id, b.sentence) b.document_id, p.start, p.start + 40,
       substr(d.body, p.start + 1, 40), substr(d.body, greatest(1, p.start - 31), least(32, p.start)), substr(d.body, p.start + 41, 32)
FROM bench_evidence b JOIN document d ON d.id = b.document_id
CROSS JOIN LATERAL (SELECT (b.sentence * 90)::int AS start) p;

INSERT INTO evidence (claim_id, document_id, excerpt_id, stance)
SELECT DISTINCT ON (b.claim_id, x.id) b.claim_id, b.document_id, x.id, b.stance
FROM bench_evidence b JOIN excerpt x ON x.document_id = b.document_id AND x.start_offset = b.sentence * 90;

INSERT INTO vote (evidence_id, reviewer_id, strength, disputes_stance)
SELECT DISTINCT ON (e.id, u.id) e.id, u.id,
       (ARRAY['HIGH','MODERATE','LOW','VERY_LOW'])[1 + (e.id + v) % 4], (e.id + v) % 11 = 0
FROM evidence e CROSS JOIN generate_series(1, 3) v
JOIN app_user u ON u.username = 'bench-user-' || (1 + (e.id * 13 + v * 7) % :users)
WHERE e.claim_id IN (SELECT id FROM claim WHERE slug LIKE 'bench-claim-%');

-- aggregates, with the formulas of ScoreKeeper / Verdict (see /about/scoring)
UPDATE evidence e SET weight = w.weight, vote_count = w.votes, dispute_count = w.disputes
FROM (SELECT x.id, count(v.reviewer_id) AS votes, count(v.reviewer_id) FILTER (WHERE v.disputes_stance) AS disputes,
             CASE WHEN count(v.reviewer_id) = 0 THEN 1
                  WHEN 2 * count(v.reviewer_id) FILTER (WHERE v.disputes_stance) > count(v.reviewer_id) THEN 0
                  ELSE round(avg(CASE v.strength WHEN 'HIGH' THEN 4 WHEN 'MODERATE' THEN 3 WHEN 'LOW' THEN 2 ELSE 1 END), 2) END AS weight
      FROM evidence x LEFT JOIN vote v ON v.evidence_id = x.id GROUP BY x.id) w
WHERE e.id = w.id;

INSERT INTO claim_score (claim_id, support_weight, conflict_weight, support_count, conflict_count, vote_count,
                         contestedness, rank_score, verdict)
SELECT c.id, s.sw, s.cw, s.sc, s.cc, s.vc, s.k, s.k * (s.sw + s.cw),
       CASE WHEN s.vc = 0 OR s.sw + s.cw = 0 THEN 'UNREVIEWED' WHEN s.k >= 0.5 THEN 'CONTESTED'
            WHEN s.sw > s.cw THEN 'SUPPORTED' ELSE 'REFUTED' END
FROM claim c CROSS JOIN LATERAL (
    SELECT sw, cw, sc, cc, vc, CASE WHEN sw + cw = 0 THEN 0 ELSE round(2 * least(sw, cw) / (sw + cw), 4) END AS k
    FROM (SELECT coalesce(sum(weight) FILTER (WHERE stance = 'SUPPORTS'), 0) AS sw,
                 coalesce(sum(weight) FILTER (WHERE stance = 'CONFLICTS'), 0) AS cw,
                 count(*) FILTER (WHERE stance = 'SUPPORTS') AS sc, count(*) FILTER (WHERE stance = 'CONFLICTS') AS cc,
                 coalesce(sum(vote_count), 0) AS vc FROM evidence WHERE claim_id = c.id) t) s
WHERE c.slug LIKE 'bench-claim-%'
ON CONFLICT (claim_id) DO NOTHING;

COMMIT;
ANALYZE;
SELECT (SELECT count(*) FROM document) AS documents, (SELECT count(*) FROM claim) AS claims,
       (SELECT count(*) FROM evidence) AS evidence, (SELECT count(*) FROM vote) AS votes;
