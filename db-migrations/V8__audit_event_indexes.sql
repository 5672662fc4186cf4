-- The home page's "recent activity" (AuditEvent.recentCuration) lists the newest curation events:
-- documents, claims and evidence, not votes or rating discussions. Through the primary key it stepped
-- over every vote since the last curation event, and votes outnumber curation by far: on the small
-- bench set (446,495 events, 404,485 of them votes) it read them all, 130 ms per home page. This index
-- holds only the events that list can show, newest first.
CREATE INDEX audit_event_curation_idx ON audit_event (id DESC)
    WHERE entity_type IN ('document', 'claim', 'evidence') AND action NOT LIKE 'vote.%' AND action NOT LIKE 'discussion.%';

-- A claim's and a document's history pages (review.VisibleHistory) find evidence events by the claim
-- or document named in the event's before/after state as well as by the item's id; without an index
-- on those names each history page read every event. Only events that carry the name are indexed; a
-- query's "->> 'claimId' = ?" implies the IS NOT NULL, so PostgreSQL takes these indexes for it.
CREATE INDEX audit_event_after_claim_idx ON audit_event ((after ->> 'claimId'))
    WHERE entity_type = 'evidence' AND (after ->> 'claimId') IS NOT NULL;
CREATE INDEX audit_event_before_claim_idx ON audit_event ((before ->> 'claimId'))
    WHERE entity_type = 'evidence' AND (before ->> 'claimId') IS NOT NULL;
CREATE INDEX audit_event_after_document_idx ON audit_event ((after ->> 'documentId'))
    WHERE entity_type = 'evidence' AND (after ->> 'documentId') IS NOT NULL;
CREATE INDEX audit_event_before_document_idx ON audit_event ((before ->> 'documentId'))
    WHERE entity_type = 'evidence' AND (before ->> 'documentId') IS NOT NULL;
