-- Invariants that two writers racing each other must not break (issue 14, item 5). The services
-- take row locks so the loser of a race gets a clear 409; these checks hold even if one forgets.

-- A merge points at a claim that is not itself merged away. Every new link then ends at an open
-- claim, so the merged_into_id links can never form a cycle (A into B while B goes into A). The
-- target's row is locked: two merges in opposite directions cannot both see the other side open.
CREATE FUNCTION claim_merge_target_is_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.merged_into_id IS NULL
       OR (TG_OP = 'UPDATE' AND NEW.merged_into_id IS NOT DISTINCT FROM OLD.merged_into_id) THEN
        RETURN NEW;
    END IF;
    PERFORM 1 FROM claim WHERE id = NEW.merged_into_id AND status <> 'MERGED' FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'claim % cannot be merged into claim %, which is merged itself', NEW.id, NEW.merged_into_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'claim_merge_target_open';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER claim_merge_target_open BEFORE INSERT OR UPDATE OF merged_into_id ON claim
    FOR EACH ROW EXECUTE FUNCTION claim_merge_target_is_open();

-- One passage is evidence for a claim once. evidence_claim_excerpt_key (V1) only compares excerpt
-- rows, and two editors quoting the same words at once could create two excerpt rows for them.
-- Writers to one claim's evidence queue on the claim's row, as ScoreKeeper's writes do.
CREATE FUNCTION evidence_passage_is_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.excerpt_id IS NULL THEN
        RETURN NEW;
    END IF;
    PERFORM 1 FROM claim WHERE id = NEW.claim_id FOR UPDATE;
    IF EXISTS (SELECT 1 FROM evidence e
               JOIN excerpt x ON x.id = e.excerpt_id
               JOIN excerpt n ON n.id = NEW.excerpt_id
               WHERE e.claim_id = NEW.claim_id AND e.id <> NEW.id AND x.document_id = n.document_id
                 AND x.start_offset = n.start_offset AND x.end_offset = n.end_offset AND x.revision = n.revision) THEN
        RAISE EXCEPTION 'this passage is already evidence for claim %', NEW.claim_id
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'evidence_claim_passage_key';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER evidence_claim_passage_key BEFORE INSERT OR UPDATE OF claim_id, excerpt_id ON evidence
    FOR EACH ROW EXECUTE FUNCTION evidence_passage_is_new();
