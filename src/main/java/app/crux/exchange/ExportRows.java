package app.crux.exchange;

import app.crux.exchange.ExportFile.AuditRecord;
import app.crux.exchange.ExportFile.ClaimRecord;
import app.crux.exchange.ExportFile.DocumentRecord;
import app.crux.exchange.ExportFile.EvidenceRecord;
import app.crux.exchange.ExportFile.ExcerptRecord;
import app.crux.exchange.ExportFile.RevisionRecord;
import app.crux.exchange.ExportFile.ScoreRecord;
import app.crux.exchange.ExportFile.TagRecord;
import app.crux.exchange.ExportFile.UserRecord;
import app.crux.exchange.ExportFile.VoteRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The export's reads: one page at a time by keyset ({@code id > last ORDER BY id}), children
 * of a page in one query each, so memory holds one page whatever the corpus size. Runs on
 * one read-only repeatable-read connection, so the whole export is one consistent snapshot.
 */
final class ExportRows {

    /** What a non-admin export contains of claims; the same rule as ClaimStatus.isPublic. */
    private static final String PUBLIC_CLAIM = "c.status = 'PUBLISHED'";

    private final Connection db;
    private final ExportScope scope;
    private final ObjectMapper json;

    ExportRows(Connection db, ExportScope scope, ObjectMapper json) {
        this.db = db;
        this.scope = scope;
        this.json = json;
    }

    List<UserRecord> users(long after, int limit) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("""
                SELECT u.id, u.username, u.display_name, u.enabled, u.created_at,
                       coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
                FROM app_user u LEFT JOIN user_role r ON r.user_id = u.id
                WHERE u.id > ? GROUP BY u.id ORDER BY u.id LIMIT ?""")) {
            q.setLong(1, after);
            q.setInt(2, limit);
            List<UserRecord> out = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.add(new UserRecord(r.getLong("id"), r.getString("username"), r.getString("display_name"),
                            strings(r.getArray("roles")), r.getBoolean("enabled"), instant(r, "created_at")));
                }
            }
            return out;
        }
    }

    /** Public: only tags some published claim carries, so a draft's tag does not leak. */
    List<TagRecord> tags() throws SQLException {
        String sql = scope.full() ? "SELECT slug, name FROM tag t ORDER BY slug" : """
                SELECT t.slug, t.name FROM tag t WHERE EXISTS (SELECT 1 FROM claim_tag ct JOIN claim c ON c.id = ct.claim_id
                WHERE ct.tag_id = t.id AND %s) ORDER BY t.slug""".formatted(PUBLIC_CLAIM);
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet r = q.executeQuery()) {
            List<TagRecord> out = new ArrayList<>();
            while (r.next()) {
                out.add(new TagRecord(r.getString(1), r.getString(2)));
            }
            return out;
        }
    }

    List<DocumentRecord> documents(long after, int limit) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("""
                SELECT d.id, d.slug, d.title, d.url, d.author, d.publisher, d.published_on, d.kind, d.current_revision,
                       d.body, u.username, d.created_at, d.updated_at, d.version
                FROM document d LEFT JOIN app_user u ON u.id = d.created_by
                WHERE d.id > ? ORDER BY d.id LIMIT ?""")) {
            q.setLong(1, after);
            q.setInt(2, limit);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.add(new Object[] {r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6), r.getObject(7, java.time.LocalDate.class), r.getString(8), r.getInt(9),
                        r.getString(10), r.getString(11), instant(r, "created_at"), instant(r, "updated_at"), r.getInt(14)});
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.stream().map(row -> (Long) row[0]).toArray(Long[]::new);
        Map<Long, List<RevisionRecord>> revisions = revisions(ids);
        Map<Long, List<ExcerptRecord>> excerpts = excerpts(ids);
        Map<Long, List<String>> urls = urls(ids);
        List<DocumentRecord> out = new ArrayList<>();
        for (Object[] d : rows) {
            long id = (Long) d[0];
            out.add(new DocumentRecord(id, (String) d[1], (String) d[2], (String) d[3], (String) d[4], (String) d[5],
                    (java.time.LocalDate) d[6], (String) d[7], (Integer) d[8], (String) d[9],
                    scope.full() ? (String) d[10] : null, (Instant) d[11], (Instant) d[12],
                    revisions.getOrDefault(id, List.of()), excerpts.getOrDefault(id, List.of()), (Integer) d[13],
                    urls.getOrDefault(id, List.of())));
        }
        return out;
    }

    /** Every address of each document, its main one first (public: they are on the document page too). */
    private Map<Long, List<String>> urls(Long[] documentIds) throws SQLException {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        try (PreparedStatement q = db.prepareStatement("""
                SELECT u.document_id, u.url FROM document_url u JOIN document d ON d.id = u.document_id
                WHERE u.document_id = ANY (?)
                ORDER BY u.document_id, (u.url_key = document_url_key(coalesce(d.url, ''))) DESC, u.id""")) {
            q.setArray(1, db.createArrayOf("bigint", documentIds));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(r.getString(2));
                }
            }
        }
        return out;
    }

    private Map<Long, List<RevisionRecord>> revisions(Long[] documentIds) throws SQLException {
        Map<Long, List<RevisionRecord>> out = new LinkedHashMap<>();
        try (PreparedStatement q = db.prepareStatement("""
                SELECT r.document_id, r.revision, r.body, u.username, r.created_at
                FROM document_revision r LEFT JOIN app_user u ON u.id = r.created_by
                WHERE r.document_id = ANY (?) ORDER BY r.document_id, r.revision""")) {
            q.setArray(1, db.createArrayOf("bigint", documentIds));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new RevisionRecord(r.getInt(2),
                            r.getString(3), scope.full() ? r.getString(4) : null, instant(r, "created_at")));
                }
            }
        }
        return out;
    }

    /** Public: only the passages published claims cite; a draft's passage is curation in progress. */
    private Map<Long, List<ExcerptRecord>> excerpts(Long[] documentIds) throws SQLException {
        String visible = scope.full() ? "" : """
                 AND EXISTS (SELECT 1 FROM evidence e JOIN claim c ON c.id = e.claim_id
                 WHERE e.excerpt_id = x.id AND e.detached_at IS NULL AND %s)""".formatted(PUBLIC_CLAIM);
        Map<Long, List<ExcerptRecord>> out = new LinkedHashMap<>();
        try (PreparedStatement q = db.prepareStatement("""
                SELECT x.document_id, x.id, x.start_offset, x.end_offset, x.exact, x.prefix, x.suffix, x.revision,
                       x.orphaned, x.changed, x.created_at
                FROM excerpt x WHERE x.document_id = ANY (?)""" + visible + " ORDER BY x.document_id, x.id")) {
            q.setArray(1, db.createArrayOf("bigint", documentIds));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new ExcerptRecord(r.getLong(2),
                            r.getInt(3), r.getInt(4), r.getString(5), r.getString(6), r.getString(7), r.getInt(8),
                            r.getBoolean(9), r.getBoolean(10), instant(r, "created_at")));
                }
            }
        }
        return out;
    }

    List<ClaimRecord> claims(long after, int limit) throws SQLException {
        record Row(long id, String slug, String statement, String status, String mergedInto, int version,
                String createdBy, Instant createdAt, Instant updatedAt, ScoreRecord score) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("""
                SELECT c.id, c.slug, c.statement, c.status, m.slug AS merged_into, c.version, u.username, c.created_at,
                       c.updated_at, s.support_weight, s.conflict_weight, s.support_count, s.conflict_count, s.vote_count,
                       s.contestedness, s.rank_score, s.verdict, s.last_activity_at, s.claim_id AS scored
                FROM claim c LEFT JOIN claim m ON m.id = c.merged_into_id LEFT JOIN app_user u ON u.id = c.created_by
                     LEFT JOIN claim_score s ON s.claim_id = c.id
                WHERE c.id > ?""" + (scope.full() ? "" : " AND " + PUBLIC_CLAIM) + " ORDER BY c.id LIMIT ?")) {
            q.setLong(1, after);
            q.setInt(2, limit);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    ScoreRecord score = r.getObject("scored") == null ? null : new ScoreRecord(
                            r.getBigDecimal("support_weight"), r.getBigDecimal("conflict_weight"), r.getInt("support_count"),
                            r.getInt("conflict_count"), r.getInt("vote_count"), r.getBigDecimal("contestedness"),
                            r.getBigDecimal("rank_score"), r.getString("verdict"), instant(r, "last_activity_at"));
                    rows.add(new Row(r.getLong("id"), r.getString("slug"), r.getString("statement"), r.getString("status"),
                            r.getString("merged_into"), r.getInt("version"), r.getString("username"),
                            instant(r, "created_at"), instant(r, "updated_at"), score));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        Map<Long, List<String>> tags = claimTags(ids);
        Map<Long, List<EvidenceRecord>> evidence = evidence(ids);
        List<ClaimRecord> out = new ArrayList<>();
        for (Row c : rows) {
            List<EvidenceRecord> items = evidence.getOrDefault(c.id(), List.of());
            boolean seesScore = scope.seesClaimScore(items.stream().map(EvidenceRecord::id).toList());
            out.add(new ClaimRecord(c.id(), c.slug(), c.statement(), c.status(), c.mergedInto(), c.version(),
                    tags.getOrDefault(c.id(), List.of()), scope.full() ? c.createdBy() : null, c.createdAt(),
                    c.updatedAt(), seesScore ? c.score() : null, items));
        }
        return out;
    }

    private Map<Long, List<String>> claimTags(Long[] claimIds) throws SQLException {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        try (PreparedStatement q = db.prepareStatement("""
                SELECT ct.claim_id, t.slug FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id
                WHERE ct.claim_id = ANY (?) ORDER BY ct.claim_id, t.slug""")) {
            q.setArray(1, db.createArrayOf("bigint", claimIds));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(r.getString(2));
                }
            }
        }
        return out;
    }

    private Map<Long, List<EvidenceRecord>> evidence(Long[] claimIds) throws SQLException {
        Map<Long, List<VoteRecord>> votes = scope.full() ? votes(claimIds) : Map.of();
        Map<Long, List<EvidenceRecord>> out = new LinkedHashMap<>();
        try (PreparedStatement q = db.prepareStatement("""
                SELECT e.claim_id, e.id, d.slug, e.excerpt_id, e.stance, e.note, e.population, e.intervention, e.comparison,
                       e.outcome, e.study_type, e.weight, e.vote_count, e.dispute_count, u.username, e.created_at, e.updated_at,
                       e.version, e.detached_at, du.username AS detached_by
                FROM evidence e JOIN document d ON d.id = e.document_id LEFT JOIN app_user u ON u.id = e.created_by
                     LEFT JOIN app_user du ON du.id = e.detached_by
                WHERE e.claim_id = ANY (?)""" + (scope.full() ? "" : " AND e.detached_at IS NULL") + " ORDER BY e.claim_id, e.id")) {
            q.setArray(1, db.createArrayOf("bigint", claimIds));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    long id = r.getLong(2);
                    boolean ratings = scope.seesRatings(id);
                    Long excerpt = r.getObject(4) == null ? null : r.getLong(4);
                    out.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new EvidenceRecord(id, r.getString(3),
                            excerpt, r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                            r.getString(10), r.getString(11), ratings ? r.getBigDecimal(12) : null,
                            ratings ? r.getInt(13) : null, ratings ? r.getInt(14) : null,
                            scope.full() ? r.getString(15) : null, instant(r, "created_at"), instant(r, "updated_at"),
                            scope.full() ? votes.getOrDefault(id, List.of()) : null, r.getInt(18), instant(r, "detached_at"),
                            scope.full() ? r.getString(20) : null));
                }
            }
        }
        return out;
    }

    private Map<Long, List<VoteRecord>> votes(Long[] claimIds) throws SQLException {
        Map<Long, List<VoteRecord>> out = new LinkedHashMap<>();
        try (PreparedStatement q = db.prepareStatement("""
                SELECT v.evidence_id, u.username, v.strength, v.disputes_stance, v.rationale, v.created_at, v.updated_at
                FROM vote v JOIN evidence e ON e.id = v.evidence_id JOIN app_user u ON u.id = v.reviewer_id
                WHERE e.claim_id = ANY (?) ORDER BY v.evidence_id, u.username""")) {
            q.setArray(1, db.createArrayOf("bigint", claimIds));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new VoteRecord(r.getString(2),
                            r.getString(3), r.getBoolean(4), r.getString(5), instant(r, "created_at"),
                            instant(r, "updated_at")));
                }
            }
        }
        return out;
    }

    List<AuditRecord> audit(long after, int limit) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("""
                SELECT a.id, a.occurred_at, u.username, a.actor_name, a.action, a.entity_type, a.entity_id, a.summary,
                       a.before::text AS before, a.after::text AS after
                FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_id
                WHERE a.id > ? ORDER BY a.id LIMIT ?""")) {
            q.setLong(1, after);
            q.setInt(2, limit);
            List<AuditRecord> out = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.add(new AuditRecord(r.getLong("id"), instant(r, "occurred_at"), r.getString("username"),
                            r.getString("actor_name"), r.getString("action"), r.getString("entity_type"),
                            r.getObject("entity_id") == null ? null : r.getLong("entity_id"), r.getString("summary"),
                            tree(r.getString("before")), tree(r.getString("after"))));
                }
            }
            return out;
        }
    }

    private JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
