-- What a merge moved, so it can be undone exactly (issue 11, item 5). Written by ClaimService.merge
-- with what the evidence and review features report; read by the undo, which refuses when anything
-- listed here changed after merged_at.
CREATE TABLE claim_merge (
    id              bigserial PRIMARY KEY,
    from_claim_id   bigint      NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    into_claim_id   bigint      NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    merged_by       bigint      REFERENCES app_user (id),
    -- the merge transaction's now(): every row it moved carries this updated_at or an older one
    merged_at       timestamptz NOT NULL DEFAULT now(),
    -- the merged claim's status before (DRAFT or PUBLISHED) and the target's tags before
    from_status     text        NOT NULL CHECK (from_status IN ('DRAFT', 'PUBLISHED')),
    into_tag_ids    bigint[]    NOT NULL,
    -- both claims' versions right after the merge: an edit since (tags, status, another merge) blocks undo
    from_version    integer     NOT NULL,
    into_version    integer     NOT NULL,
    -- evidence moved from the merged claim to the target
    moved_ids       bigint[]    NOT NULL,
    -- shared passages where the editor kept the merged claim's item: it moved, the target's own went back to the merged claim
    swapped_ids     bigint[]    NOT NULL,
    parked_ids      bigint[]    NOT NULL,
    -- shared passages where the editor kept the target's item: the merged claim's item stayed where it was
    kept_back_ids   bigint[]    NOT NULL,
    -- votes copied onto the kept item of a shared passage (same stance), as (evidence, reviewer) pairs
    copied_vote_evidence_ids bigint[] NOT NULL,
    copied_vote_reviewer_ids bigint[] NOT NULL,
    -- votes on all the items above right after the merge
    vote_count      integer     NOT NULL,
    undone_at       timestamptz,
    undone_by       bigint      REFERENCES app_user (id),
    CHECK (from_claim_id <> into_claim_id),
    CHECK (cardinality(swapped_ids) = cardinality(parked_ids)),
    CHECK (cardinality(copied_vote_evidence_ids) = cardinality(copied_vote_reviewer_ids))
);
-- a claim is merged at most once at a time: its one merge that is not undone
CREATE UNIQUE INDEX claim_merge_active_key ON claim_merge (from_claim_id) WHERE undone_at IS NULL;
CREATE INDEX claim_merge_into_idx ON claim_merge (into_claim_id);
