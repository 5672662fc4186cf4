-- Reconciliation after blind rating (issue 11, items 6 and 7).

-- An evidence item whose ratings split (review.NeedsDiscussion decides when): one row from the
-- moment it is first marked, kept after the mark clears so the thread and the agreement then stay.
CREATE TABLE discussion (
    evidence_id      bigint      PRIMARY KEY REFERENCES evidence (id) ON DELETE CASCADE,
    -- true while the item needs discussion: the ratings still split and no editor has resolved it
    open             boolean     NOT NULL DEFAULT true,
    marked_at        timestamptz NOT NULL DEFAULT now(),
    -- the claim's reviewer agreement (Krippendorff's alpha) when the item was first marked; NULL when undefined
    alpha_at_mark    double precision,
    cleared_at       timestamptz,
    resolution       text        CHECK (char_length(resolution) <= 1000),
    resolved_by      bigint      REFERENCES app_user (id),
    resolved_at      timestamptz
);
CREATE INDEX discussion_open_idx ON discussion (marked_at DESC) WHERE open;

CREATE TABLE discussion_post (
    id          bigserial   PRIMARY KEY,
    evidence_id bigint      NOT NULL REFERENCES discussion (evidence_id) ON DELETE CASCADE,
    author_id   bigint      NOT NULL REFERENCES app_user (id),
    body        text        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX discussion_post_thread_idx ON discussion_post (evidence_id, id);

-- An editor asked a reviewer to rate a claim's evidence: it comes first in their queue.
CREATE TABLE rating_request (
    claim_id     bigint      NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    reviewer_id  bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    requested_by bigint      REFERENCES app_user (id),
    requested_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (claim_id, reviewer_id)
);
CREATE INDEX rating_request_reviewer_idx ON rating_request (reviewer_id);
