package app.crux.review;

import app.crux.audit.AuditEvent;
import app.crux.web.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit history as the current user may read it, filtered and a page at a time: claims they
 * may not see leave their events out (claim.ClaimVisibility's rule, in SQL), and rating events
 * follow blind rating ({@link BlindRating#ratingEventsSql()}). The rules are applied in the query,
 * so a page is full and the count is exact.
 */
@RequestScoped
public class VisibleHistory {

    /** What a history is about: one claim (with its evidence, ratings and passages), one evidence item, one document. */
    public enum SubjectType { CLAIM, EVIDENCE, DOCUMENT }

    public record Subject(SubjectType type, long id) {
    }

    /**
     * @param subject null for everything
     * @param actor   a username, or null for everyone
     * @param kind    an action's first word ({@link #KINDS}), or null for every kind
     * @param from    first day included (UTC), or null
     * @param to      last day included (UTC), or null
     */
    public record Filter(Subject subject, String actor, String kind, LocalDate from, LocalDate to) {
        public static Filter about(SubjectType type, long id) {
            return new Filter(new Subject(type, id), null, null, null, null);
        }

        /** From request parameters; blank means "any", anything unreadable is refused (400). */
        public static Filter of(Subject subject, String actor, String kind, String from, String to) {
            List<String> problems = new java.util.ArrayList<>();
            String who = blank(actor) ? null : actor.strip();
            if (who != null && who.length() > 64) {
                problems.add("person: a username of at most 64 characters");
            }
            String what = blank(kind) ? null : kind.strip();
            if (what != null && !KINDS.containsKey(what)) {
                problems.add("kind: one of " + String.join(", ", KINDS.keySet()));
            }
            LocalDate since = date(from, "from", problems);
            LocalDate until = date(to, "to", problems);
            if (since != null && until != null && since.isAfter(until)) {
                problems.add("from: on or before to");
            }
            if (!problems.isEmpty()) {
                throw new app.crux.web.BadInput("The history cannot be filtered that way.", problems);
            }
            return new Filter(subject, who, what, since, until);
        }

        public boolean narrowed() {
            return actor != null || kind != null || from != null || to != null;
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        private static LocalDate date(String value, String name, List<String> problems) {
            if (blank(value)) {
                return null;
            }
            try {
                LocalDate date = LocalDate.parse(value.strip());
                if (date.getYear() < 1970 || date.getYear() > 9999) {
                    throw new java.time.format.DateTimeParseException("out of range", value, 0);
                }
                return date;
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(name + ": a date such as 2026-11-26");
                return null;
            }
        }
    }

    /** The kinds of event, by the first word of their action, with how pages name them. */
    public static final Map<String, String> KINDS = kinds();

    @Inject
    CurrentUser currentUser;

    @Inject
    BlindRating blind;

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<AuditEvent> page(Filter filter, int offset, int limit) {
        Query query = em.createNativeQuery("SELECT a.* FROM audit_event a WHERE " + where(filter)
                + " ORDER BY a.id DESC LIMIT :limit OFFSET :offset", AuditEvent.class);
        bind(query, filter);
        return query.setParameter("limit", limit).setParameter("offset", offset).getResultList();
    }

    public long count(Filter filter) {
        Query query = em.createNativeQuery("SELECT count(*) FROM audit_event a WHERE " + where(filter));
        bind(query, filter);
        return ((Number) query.getSingleResult()).longValue();
    }

    private String where(Filter filter) {
        StringBuilder sql = new StringBuilder(blind.ratingEventsSql());
        if (!currentUser.seesUnpublishedClaims()) {
            sql.append(" AND ").append(AuditEvent.READER_MAY_SEE);
        }
        if (filter.subject() != null) {
            sql.append(" AND ").append(switch (filter.subject().type()) {
                // each arm can use an index (audit_event_entity_idx, or the claimId / documentId expression indexes of
                // V8), so PostgreSQL ORs bitmaps of the subject's few events; with IN (subquery) and a bare ->> it
                // read every event, votes included, on every history page (100 ms at 446,000 events)
                case CLAIM -> """
                        ((a.entity_type = 'claim' AND a.entity_id = :subject)
                         OR (a.entity_type = 'evidence' AND a.entity_id = ANY (ARRAY(SELECT id FROM evidence WHERE claim_id = :subject)))
                         OR (a.entity_type = 'evidence' AND a.after ->> 'claimId' = :subjectText)
                         OR (a.entity_type = 'evidence' AND a.before ->> 'claimId' = :subjectText)
                         OR (a.entity_type = 'excerpt'
                             AND a.entity_id = ANY (ARRAY(SELECT excerpt_id FROM evidence WHERE claim_id = :subject))))""";
                case EVIDENCE -> """
                        ((a.entity_type = 'evidence' AND a.entity_id = :subject)
                         OR (a.entity_type = 'excerpt' AND a.entity_id = (SELECT excerpt_id FROM evidence WHERE id = :subject)))""";
                // a document's own events, its passages', and the evidence drawn from it (ratings are the claims')
                case DOCUMENT -> """
                        ((a.entity_type = 'document' AND a.entity_id = :subject)
                         OR (a.entity_type = 'excerpt' AND a.entity_id = ANY (ARRAY(SELECT id FROM excerpt WHERE document_id = :subject)))
                         OR (a.entity_type = 'evidence' AND a.action NOT LIKE 'vote.%' AND a.after ->> 'documentId' = :subjectText)
                         OR (a.entity_type = 'evidence' AND a.action NOT LIKE 'vote.%' AND a.before ->> 'documentId' = :subjectText))""";
            });
        }
        if (filter.actor() != null) {
            sql.append(" AND a.actor_name = :actor");
        }
        if (filter.kind() != null) {
            sql.append(" AND split_part(a.action, '.', 1) = :kind");
        }
        if (filter.from() != null) {
            sql.append(" AND a.occurred_at >= :from");
        }
        if (filter.to() != null) {
            sql.append(" AND a.occurred_at < :to");
        }
        return sql.toString();
    }

    private void bind(Query query, Filter filter) {
        if (blind.ratingEventsSqlNeedsViewer()) {
            query.setParameter("viewer", currentUser.id());
        }
        if (filter.subject() != null) {
            query.setParameter("subject", filter.subject().id());
            if (filter.subject().type() != SubjectType.EVIDENCE) {
                query.setParameter("subjectText", Long.toString(filter.subject().id()));
            }
        }
        if (filter.actor() != null) {
            query.setParameter("actor", filter.actor());
        }
        if (filter.kind() != null) {
            query.setParameter("kind", filter.kind());
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from().atStartOfDay(ZoneOffset.UTC).toOffsetDateTime());
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime());
        }
    }

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("document", "Documents");
        kinds.put("passage", "Passages");
        kinds.put("claim", "Claims");
        kinds.put("evidence", "Evidence");
        kinds.put("vote", "Ratings");
        kinds.put("user", "Accounts");
        kinds.put("token", "API tokens");
        kinds.put("exchange", "Imports");
        kinds.put("scores", "Scores");
        return java.util.Collections.unmodifiableMap(kinds);
    }
}
