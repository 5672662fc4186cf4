-- Issue 11, item 3: passages that need attention after a revision get resolved.
-- The words a changed passage had before re-anchoring moved it (editors compare them with the new
-- ones before accepting), and retirement: the editor says the passage has left the source; the row
-- stays for the evidence and the history that point at it, but it is no longer highlighted,
-- re-anchored, reused for a new selection or listed as needing attention.
ALTER TABLE excerpt
    ADD COLUMN previous_exact text,
    ADD COLUMN retired_at     timestamptz,
    ADD COLUMN retired_by     bigint REFERENCES app_user (id);

-- /history filtered by kind of event (the action's first word) and date: newest first within a kind.
CREATE INDEX audit_event_kind_idx ON audit_event ((split_part(action, '.', 1)), occurred_at DESC, id DESC);
