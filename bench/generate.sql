-- Crux benchmark data, made by SQL alone (psql) in a database that Crux's migrations have set up.
--   psql -v docs=1000 -v claims=10000 -v users=100 -f bench/generate.sql   (the small set of quality.md)
--   psql -v docs=10000 -v claims=100000 -v users=1000 -f bench/generate.sql (the large set)
-- bench/generate.sh wraps it (sizes by name, then bench/check.sql).
-- Shapes: documents of ~6 KB in paragraphs of invented sentences; a claim has 2 to 40 evidence
-- items, drawn from a power law (most claims have a few, some have dozens; ~10 on average);
-- every excerpt is one whole sentence at its real offsets (exact, prefix and suffix cut from
-- the body as TextAnchor does), so it anchors exactly; each item gets 0 to 6 votes (3 on
-- average) from distinct reviewers, some reviewers far busier than others, their strengths
-- scattered around the item's own quality; weights and claim_score computed with the very
-- formulas of ScoreKeeper and Verdict. Everything is invented filler text.
\set ON_ERROR_STOP on
\timing on
SELECT setseed(0.1313) AS seed \gset bench_
-- the rows are consistent by construction (bench/check.sql verifies): skip FK and trigger
-- work row by row, which would take most of the time on the large set
SET session_replication_role = replica;
SET synchronous_commit = off;
SET maintenance_work_mem = '512MB';
SET work_mem = '256MB';

BEGIN;

CREATE TEMP TABLE words (kind text, n int, w text);
INSERT INTO words SELECT 'topic', i, w FROM unnest(ARRAY['hamstring stretching','static stretching','dynamic warm-ups','sleep duration',
    'hydration','posture correction','interval sprinting','cooling down','foam rolling','creatine','protein timing','cold-water immersion',
    'barefoot running','standing desks','yoga','strength training','high-intensity intervals','massage','compression socks','caffeine',
    'intermittent fasting','step counts','breathing drills','ice baths','knee sleeves']) WITH ORDINALITY AS t(w, i);
INSERT INTO words SELECT 'effect', i, w FROM unnest(ARRAY['reduces injury risk','improves sprint times','changes little','speeds recovery',
    'lowers soreness','raises endurance','worsens balance','helps sleep quality','increases range of motion','has no measurable effect on pain'])
    WITH ORDINALITY AS t(w, i);
INSERT INTO words SELECT 'group', i, w FROM unnest(ARRAY['runners','older adults','office workers','footballers','swimmers','novices',
    'elite cyclists','teenagers','people with back pain','military recruits']) WITH ORDINALITY AS t(w, i);
INSERT INTO words SELECT 'hedge', i, w FROM unnest(ARRAY['The authors report that','A small trial suggested that','In this cohort,',
    'Contrary to common advice,','Pooled data indicate that','One reviewer argues that','Survey answers hint that','The measurements showed that',
    'Over twelve weeks,','After adjusting for age,','Anecdotally,','The control group saw that']) WITH ORDINALITY AS t(w, i);
CREATE INDEX ON words (kind, n);
SELECT count(*) FILTER (WHERE kind = 'topic') AS topic, count(*) FILTER (WHERE kind = 'effect') AS effect,
       count(*) FILTER (WHERE kind = 'group') AS grp, count(*) FILTER (WHERE kind = 'hedge') AS hedge FROM words \gset count_

-- reviewers (disabled: they exist to own votes, nobody signs in as them)
INSERT INTO app_user (username, display_name, password_hash, enabled, created_at)
SELECT 'bench-user-' || g, 'Bench reviewer ' || g, '!', false, now() - interval '400 days'
FROM generate_series(1, :users) g;
INSERT INTO user_role (user_id, role) SELECT id, 'REVIEWER' FROM app_user WHERE username LIKE 'bench-user-%';
CREATE TEMP TABLE bench_user AS
SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM app_user WHERE username LIKE 'bench-user-%';
CREATE UNIQUE INDEX ON bench_user (n);

INSERT INTO tag (slug, name) SELECT 'bench-topic-' || g, 'Bench topic ' || g FROM generate_series(1, 300) g;

-- sentences of the documents, with their offsets in the body they make up: paragraphs of 8
-- sentences, sentences separated by one space, paragraphs by a blank line (as TextNormalizer writes)
CREATE TEMP TABLE bench_sentence AS
SELECT d, s, piece, text, (sum(length(piece)) OVER (PARTITION BY d ORDER BY s) - length(text))::int AS start
FROM (SELECT d, s, text, CASE WHEN s = 1 THEN '' WHEN s % 8 = 1 THEN E'\n\n' ELSE ' ' END || text AS piece
      FROM (SELECT d, s,
                   h.w || ' ' || t.w || ' ' || e.w || ' for ' || g.w || ' (document ' || d || ', point ' || s || ').' AS text
            FROM generate_series(1, :docs) d, generate_series(1, 64) s,
                 LATERAL (SELECT 1 + floor(random() * :count_hedge)::int AS hi, 1 + floor(random() * :count_topic)::int AS ti,
                                 1 + floor(random() * :count_effect)::int AS ei, 1 + floor(random() * :count_grp)::int AS gi
                          WHERE s > 0) r
                 JOIN words h ON h.kind = 'hedge' AND h.n = r.hi
                 JOIN words t ON t.kind = 'topic' AND t.n = r.ti
                 JOIN words e ON e.kind = 'effect' AND e.n = r.ei
                 JOIN words g ON g.kind = 'group' AND g.n = r.gi) x) y;
CREATE INDEX ON bench_sentence (d, s);

INSERT INTO document (slug, title, kind, body, body_hash, publisher, author, published_on, created_at, updated_at)
SELECT 'bench-doc-' || d,
       'Bench document ' || d || ' on ' || (SELECT w FROM words WHERE kind = 'topic' AND n = 1 + d % :count_topic),
       (ARRAY['ARTICLE','STUDY','REVIEW','GUIDELINE','TRANSCRIPT','OTHER'])[1 + d % 6],
       body, encode(sha256(convert_to(body, 'UTF8')), 'hex'), 'Bench publisher ' || (d % 50), 'Bench author ' || (d % 400),
       date '2015-01-01' + (d * 7919) % 3600, now() - interval '400 days' + (d % 300) * interval '1 day', now() - interval '60 days'
FROM (SELECT d, string_agg(piece, '' ORDER BY s) AS body FROM bench_sentence GROUP BY d) b;
CREATE TEMP TABLE bench_doc AS SELECT substr(slug, 11)::int AS d, id, body FROM document WHERE slug LIKE 'bench-doc-%';
CREATE UNIQUE INDEX ON bench_doc (d);

INSERT INTO document_revision (document_id, revision, body, body_hash, created_at)
SELECT id, 1, body, body_hash, created_at FROM document WHERE slug LIKE 'bench-doc-%';

-- claims: a lean (share of conflicting evidence) each, some one-sided, some split
INSERT INTO claim (slug, statement, status, created_at, updated_at)
SELECT 'bench-claim-' || c,
       'Bench claim ' || c || ': ' || (SELECT w FROM words WHERE kind = 'topic' AND n = 1 + c % :count_topic) || ' '
       || (SELECT w FROM words WHERE kind = 'effect' AND n = 1 + (c / :count_topic) % :count_effect) || ' for '
       || (SELECT w FROM words WHERE kind = 'group' AND n = 1 + (c / 7) % :count_grp),
       CASE WHEN c % 97 = 0 THEN 'DRAFT' WHEN c % 89 = 0 THEN 'RETRACTED' ELSE 'PUBLISHED' END,
       now() - interval '365 days' + (c % 360) * interval '1 day', now() - interval '30 days'
FROM generate_series(1, :claims) c;
CREATE TEMP TABLE bench_claim AS
SELECT substr(slug, 13)::int AS c, id,
       -- evidence items: 2 * U^-1.25, capped at 40 (a power law, mean ~10)
       least(40, floor(2 * power(1 - random(), -1.25)))::int AS items,
       (ARRAY[0.05, 0.15, 0.3, 0.45, 0.6, 0.85])[1 + floor(random() * 6)::int] AS lean
FROM claim WHERE slug LIKE 'bench-claim-%';

INSERT INTO claim_tag (claim_id, tag_id)
SELECT DISTINCT b.id, t.id FROM bench_claim b CROSS JOIN generate_series(0, b.c % 3) k
JOIN tag t ON t.slug = 'bench-topic-' || (1 + (b.c * 7 + k * 113) % 300);

-- evidence: item i of claim c quotes sentence (c*13 + i*5) % 64 + 1 of a document drawn per item,
-- popular documents far more often (a power law again); the sentences of one claim's items all
-- differ (5 is prime to 64, i <= 40), so (claim, passage) never repeats
CREATE TEMP TABLE bench_evidence AS
SELECT b.id AS claim_id, i, 1 + floor(:docs * power(random(), 3))::int AS d,
       1 + (b.c * 13 + i * 5) % 64 AS s,
       CASE WHEN random() < b.lean THEN 'CONFLICTS' ELSE 'SUPPORTS' END AS stance
FROM bench_claim b CROSS JOIN LATERAL generate_series(1, b.items) i;

-- one excerpt per distinct (document, sentence) quoted
CREATE TEMP TABLE bench_excerpt AS
SELECT DISTINCT d, s FROM bench_evidence;
INSERT INTO excerpt (document_id, start_offset, end_offset, exact, prefix, suffix, created_at)
SELECT bd.id, x.start, x.start + length(x.text), x.text,
       substr(bd.body, greatest(0, x.start - 32) + 1, x.start - greatest(0, x.start - 32)),
       substr(bd.body, x.start + length(x.text) + 1, 32), now() - interval '200 days'
FROM bench_excerpt e JOIN bench_sentence x ON x.d = e.d AND x.s = e.s JOIN bench_doc bd ON bd.d = e.d;
CREATE TEMP TABLE bench_excerpt_id AS
SELECT bd.d, x.id, x.start_offset FROM excerpt x JOIN bench_doc bd ON bd.id = x.document_id;
CREATE INDEX ON bench_excerpt_id (d, start_offset);

INSERT INTO evidence (claim_id, document_id, excerpt_id, stance, population, outcome, study_type, created_at, updated_at)
SELECT DISTINCT ON (b.claim_id, xi.id) b.claim_id, bd.id, xi.id, b.stance,
       CASE WHEN b.i % 3 = 0 THEN (SELECT w FROM words WHERE kind = 'group' AND n = 1 + b.i % :count_grp) END,
       CASE WHEN b.i % 4 = 0 THEN 'injury rate' WHEN b.i % 4 = 1 THEN 'sprint time' END,
       CASE WHEN b.i % 2 = 0 THEN 'RCT' END,
       now() - interval '200 days' + b.i * interval '1 hour', now() - interval '200 days' + b.i * interval '1 hour'
FROM bench_evidence b JOIN bench_doc bd ON bd.d = b.d
JOIN bench_sentence x ON x.d = b.d AND x.s = b.s
JOIN bench_excerpt_id xi ON xi.d = b.d AND xi.start_offset = x.start;

-- votes: 0..6 per item (3 on average) from distinct reviewers r0, r0+37, r0+74, ... (37 is prime
-- to 100 and 1,000); r0 leans to the low numbers, so a few reviewers cast many of the votes
INSERT INTO vote (evidence_id, reviewer_id, strength, disputes_stance, created_at, updated_at)
WITH per_item AS MATERIALIZED (
    -- the item's own quality 1..4 (reviewers' strengths scatter around it), its number of votes, its first reviewer
    SELECT e.id AS evidence_id, 1 + abs(hashint8(e.id)) % 4 AS quality, floor(random() * 7)::int AS votes,
           floor(:users * power(random(), 2))::int AS r0
    FROM evidence e WHERE e.claim_id IN (SELECT id FROM bench_claim))
SELECT p.evidence_id, u.id,
       (ARRAY['VERY_LOW','LOW','MODERATE','HIGH'])[greatest(1, least(4, p.quality + (ARRAY[-1, 0, 0, 0, 1])[1 + floor(random() * 5)::int]))],
       random() < 0.08, now() - interval '100 days', now() - interval '100 days'
FROM per_item p CROSS JOIN generate_series(0, 5) j
JOIN bench_user u ON u.n = (p.r0 + j * 37) % :users
WHERE j < p.votes
ON CONFLICT DO NOTHING;

-- aggregates: ScoreKeeper.EVIDENCE_WEIGHTS for every claim at once
UPDATE evidence e SET weight = w.weight, vote_count = w.votes, dispute_count = w.disputes
FROM (SELECT x.id, count(v.reviewer_id) AS votes,
             count(v.reviewer_id) FILTER (WHERE v.disputes_stance) AS disputes,
             CASE WHEN count(v.reviewer_id) = 0 THEN 1
                  WHEN 2 * count(v.reviewer_id) FILTER (WHERE v.disputes_stance) > count(v.reviewer_id) THEN 0
                  ELSE round(avg(CASE v.strength WHEN 'HIGH' THEN 4 WHEN 'MODERATE' THEN 3
                                                  WHEN 'LOW' THEN 2 ELSE 1 END), 2) END AS weight
      FROM evidence x LEFT JOIN vote v ON v.evidence_id = x.id
      WHERE x.claim_id IN (SELECT id FROM bench_claim) GROUP BY x.id) w
WHERE e.id = w.id AND (e.weight, e.vote_count, e.dispute_count) IS DISTINCT FROM (w.weight, w.votes, w.disputes);

-- ScoreKeeper.SIDES, then Verdict.contestedness (2·min/total, 4 places, half up), rank_score =
-- contestedness × total, Verdict.of (no votes or no weight: UNREVIEWED; contestedness ≥ 0.5: CONTESTED)
INSERT INTO claim_score (claim_id, support_weight, conflict_weight, support_count, conflict_count, vote_count,
                         contestedness, rank_score, verdict, last_activity_at)
SELECT c.id, s.sw, s.cw, s.sc, s.cc, s.vc, s.k, s.k * (s.sw + s.cw),
       CASE WHEN s.vc = 0 OR s.sw + s.cw = 0 THEN 'UNREVIEWED' WHEN s.k >= 0.5 THEN 'CONTESTED'
            WHEN s.sw > s.cw THEN 'SUPPORTED' ELSE 'REFUTED' END,
       now() - interval '30 days' + (c.c % 720) * interval '1 hour'
FROM bench_claim c CROSS JOIN LATERAL (
    SELECT sw, cw, sc, cc, vc, CASE WHEN sw + cw = 0 THEN 0 ELSE round(2 * least(sw, cw) / (sw + cw), 4) END AS k
    FROM (SELECT coalesce(sum(weight) FILTER (WHERE stance = 'SUPPORTS'), 0) AS sw,
                 coalesce(sum(weight) FILTER (WHERE stance = 'CONFLICTS'), 0) AS cw,
                 count(*) FILTER (WHERE stance = 'SUPPORTS') AS sc, count(*) FILTER (WHERE stance = 'CONFLICTS') AS cc,
                 coalesce(sum(vote_count), 0) AS vc FROM evidence WHERE claim_id = c.id) t) s
ON CONFLICT (claim_id) DO NOTHING;

COMMIT;
SET session_replication_role = origin;
VACUUM ANALYZE;
SELECT (SELECT count(*) FROM document) AS documents, (SELECT count(*) FROM claim) AS claims,
       (SELECT count(*) FROM evidence) AS evidence, (SELECT count(*) FROM vote) AS votes,
       (SELECT count(*) FROM app_user) AS users, (SELECT round(avg(length(body))) FROM document) AS avg_body_chars;
