-- After bench/generate.sql: do the generated rows hold what Crux itself would have written?
--   psql -v sample=500 -f bench/check.sql
-- 1. For a random sample of claims, every evidence weight/vote count and the claim_score row equal a
--    recomputation from the votes that follows ScoreKeeper.recompute and Verdict line by line.
-- 2. Every excerpt anchors exactly: exact, prefix and suffix are the body's text at its offsets.
-- 3. Shapes: evidence per claim within 2..40, votes per item within 0..6, no reviewer votes twice.
-- Fails (an error, psql's exit code 3) on any mismatch.
\set ON_ERROR_STOP on
SELECT setseed(0.77) AS seed \gset check_
CREATE TEMP TABLE check_claim AS
SELECT id FROM claim WHERE slug LIKE 'bench-claim-%' ORDER BY random() LIMIT :sample;

-- ScoreKeeper.EVIDENCE_WEIGHTS, as a query instead of an update
CREATE TEMP TABLE check_weight AS
SELECT x.id, x.claim_id, x.stance, count(v.reviewer_id) AS votes,
       count(v.reviewer_id) FILTER (WHERE v.disputes_stance) AS disputes,
       CASE WHEN count(v.reviewer_id) = 0 THEN 1
            WHEN 2 * count(v.reviewer_id) FILTER (WHERE v.disputes_stance) > count(v.reviewer_id) THEN 0
            ELSE round(avg(CASE v.strength WHEN 'HIGH' THEN 4 WHEN 'MODERATE' THEN 3
                                            WHEN 'LOW' THEN 2 ELSE 1 END), 2) END::numeric(4, 2) AS weight
FROM evidence x LEFT JOIN vote v ON v.evidence_id = x.id
WHERE x.claim_id IN (SELECT id FROM check_claim) GROUP BY x.id;

-- ScoreKeeper.SIDES over the recomputed weights, then Verdict.contestedness / of and rank_score
CREATE TEMP TABLE check_score AS
SELECT claim_id, sw, cw, sc, cc, vc, k, (k * (sw + cw))::numeric(14, 4) AS rank,
       CASE WHEN vc = 0 OR sw + cw = 0 THEN 'UNREVIEWED' WHEN k >= 0.5 THEN 'CONTESTED'
            WHEN sw > cw THEN 'SUPPORTED' ELSE 'REFUTED' END AS verdict
FROM (SELECT claim_id, sw, cw, sc, cc, vc,
             CASE WHEN sw + cw = 0 THEN 0.0000 ELSE round(2 * least(sw, cw) / (sw + cw), 4) END AS k
      FROM (SELECT c.id AS claim_id,
                   coalesce(sum(w.weight) FILTER (WHERE w.stance = 'SUPPORTS'), 0) AS sw,
                   coalesce(sum(w.weight) FILTER (WHERE w.stance = 'CONFLICTS'), 0) AS cw,
                   count(w.id) FILTER (WHERE w.stance = 'SUPPORTS') AS sc,
                   count(w.id) FILTER (WHERE w.stance = 'CONFLICTS') AS cc,
                   coalesce(sum(w.votes), 0) AS vc
            FROM check_claim c LEFT JOIN check_weight w ON w.claim_id = c.id GROUP BY c.id) t) s;

SELECT (SELECT count(*) FROM check_claim) AS claims_sampled,
       (SELECT count(*) FROM check_weight) AS evidence_sampled,
       (SELECT count(*) FROM check_weight w JOIN evidence e ON e.id = w.id
        WHERE (e.weight, e.vote_count, e.dispute_count) IS DISTINCT FROM (w.weight, w.votes, w.disputes)) AS evidence_mismatches,
       (SELECT count(*) FROM check_score c LEFT JOIN claim_score s ON s.claim_id = c.claim_id
        WHERE (s.support_weight, s.conflict_weight, s.support_count, s.conflict_count, s.vote_count, s.contestedness,
               s.rank_score, s.verdict) IS DISTINCT FROM (c.sw, c.cw, c.sc::int, c.cc::int, c.vc::int, c.k, c.rank, c.verdict))
           AS score_mismatches \gset
\echo claims sampled :claims_sampled, their evidence items :evidence_sampled: :evidence_mismatches evidence and :score_mismatches claim_score mismatches

SELECT count(*) AS excerpts,
       count(*) FILTER (WHERE x.exact <> substr(d.body, x.start_offset + 1, x.end_offset - x.start_offset)
                           OR x.prefix <> substr(d.body, greatest(0, x.start_offset - 32) + 1, x.start_offset - greatest(0, x.start_offset - 32))
                           OR x.suffix <> substr(d.body, x.end_offset + 1, 32)
                           OR x.end_offset > length(d.body)) AS unanchored
FROM excerpt x JOIN document d ON d.id = x.document_id \gset
\echo excerpts :excerpts, not anchored exactly: :unanchored

SELECT min(n) AS min_items, max(n) AS max_items, round(avg(n), 1) AS mean_items,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS median_items
FROM (SELECT count(*) AS n FROM evidence GROUP BY claim_id) t \gset
SELECT (SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM vote GROUP BY evidence_id) t) AS max_votes,
       (SELECT count(DISTINCT reviewer_id) FROM vote) AS voters \gset
\echo evidence per claim: min :min_items, median :median_items, mean :mean_items, max :max_items; at most :max_votes votes per item, from :voters reviewers

SELECT (:evidence_mismatches + :score_mismatches + :unanchored) = 0 AND :min_items >= 2 AND :max_items <= 40
       AND :max_votes <= 6 AS ok \gset
\if :ok
\echo CHECK PASSED
\else
DO $$ BEGIN RAISE EXCEPTION 'CHECK FAILED: the generated rows differ from what Crux would have written'; END $$;
\endif
