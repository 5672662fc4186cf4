package app.crux.exchange;

import app.crux.account.PasswordPolicy;
import app.crux.audit.AuditLog;
import app.crux.score.ScoreKeeper;
import app.crux.document.anchoring.TextNormalizer;
import app.crux.exchange.ExportFile.ClaimRecord;
import app.crux.exchange.ExportFile.DocumentRecord;
import app.crux.exchange.ExportFile.EvidenceRecord;
import app.crux.exchange.ExportFile.ExcerptRecord;
import app.crux.web.Conflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads an export ({@link ExportFile}) in one transaction: checked whole first
 * ({@link ImportValidator}), then written with new ids (slugs and usernames kept), then
 * every imported claim's score recomputed by {@link ScoreKeeper} and compared with the
 * exported one. Any failure rolls everything back. Into a database with content only in
 * merge mode, which adds what is missing and reports what it skipped.
 */
@ApplicationScoped
public class CorpusImport {

    private static final Logger LOG = Logger.getLogger(CorpusImport.class);
    private static final int PROGRESS_EVERY = 500;

    @Inject
    EntityManager em;

    @Inject
    ScoreKeeper scores;

    @Inject
    AuditLog audit;

    /** Content tables: a database is "empty" for import when these are (accounts and their audit do not count). */
    public boolean empty() {
        Number n = (Number) em.createNativeQuery("""
                SELECT (SELECT count(*) FROM document) + (SELECT count(*) FROM claim) + (SELECT count(*) FROM tag)""")
                .getSingleResult();
        return n.longValue() == 0;
    }

    @Transactional
    public ImportReport load(ExportFile file, boolean merge) {
        ImportValidator.check(file);
        if (!merge && !empty()) {
            throw new Conflict("The database already has documents, claims or tags; import into an empty one, "
                    + "or add ?mode=merge to add only what is missing.");
        }
        LOG.infof("Import (%s): %d documents, %d claims", merge ? "merge" : "into empty", size(file.documents()),
                size(file.claims()));
        Writer writer = new Writer(file, merge);
        em.flush();
        em.unwrap(Session.class).doWork(writer::run);
        List<String> mismatches = writer.recompute();
        ImportReport.Counts counts = writer.counts();
        audit.record("exchange.import", "export", null, "Imported " + counts.documents() + " document(s), "
                + counts.claims() + " claim(s) from a " + file.scope() + " export" + (merge ? " (merge)" : ""), null,
                Map.of("format", file.format(), "documents", counts.documents(), "claims", counts.claims(),
                        "skipped", writer.skipped.size()));
        LOG.infof("Import done: %s; skipped %d; %d score mismatch(es)", counts, writer.skipped.size(), mismatches.size());
        return new ImportReport(file.format(), merge ? "merge" : "empty", counts, writer.skipped, mismatches);
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    /** One import's state: the id maps from exported ids to new ones, and what was skipped. */
    private final class Writer {
        final ExportFile file;
        final boolean merge;
        final Map<String, Long> users = new HashMap<>();
        final Map<Long, Long> userIds = new HashMap<>();
        final Map<String, Long> tags = new HashMap<>();
        final Map<String, Long> documents = new HashMap<>();
        final Map<Long, Long> documentIds = new HashMap<>();
        final Map<Long, Long> excerpts = new HashMap<>();
        final Map<String, Long> claims = new HashMap<>();
        final Map<Long, Long> claimIds = new HashMap<>();
        final Map<Long, Long> evidenceIds = new HashMap<>();
        final Map<Long, ClaimRecord> imported = new LinkedHashMap<>();
        final List<String> skipped = new ArrayList<>();
        int nUsers, nTags, nDocuments, nRevisions, nExcerpts, nClaims, nEvidence, nVotes, nAudit;
        String at = "$";

        Writer(ExportFile file, boolean merge) {
            this.file = file;
            this.merge = merge;
        }

        void run(Connection db) throws SQLException {
            try {
                users(db);
                tags(db);
                documents(db);
                claims(db);
                auditTrail(db);
            } catch (SQLException e) {
                // a rule the validator does not know: still name the record, never the SQL
                throw ImportValidator.refusal(at, "the database refused it (" + e.getSQLState() + ": "
                        + firstLine(e.getMessage()) + ")");
            }
        }

        ImportReport.Counts counts() {
            return new ImportReport.Counts(nUsers, nTags, nDocuments, nRevisions, nExcerpts, nClaims, nEvidence, nVotes, nAudit);
        }

        private void users(Connection db) throws SQLException {
            try (PreparedStatement q = db.prepareStatement("SELECT id, username FROM app_user"); ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    users.put(r.getString(2), r.getLong(1));
                }
            }
            var list = file.users() == null ? List.<ExportFile.UserRecord>of() : file.users();
            for (int i = 0; i < list.size(); i++) {
                var u = list.get(i);
                at = "$.users[" + i + "]";
                Long existing = users.get(u.username());
                if (existing != null) {
                    userIds.put(u.id(), existing);
                    skipped.add("user " + u.username() + ": exists here, kept as it is");
                    continue;
                }
                // no password travels: the account gets one nobody knows, and an admin sets a new one
                long id = insert(db, """
                        INSERT INTO app_user (username, display_name, password_hash, enabled, created_at)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""", u.username(), u.displayName(),
                        PasswordPolicy.hash(unknownPassword()), u.enabled(), ts(u.createdAt()));
                for (String role : u.roles() == null ? List.<String>of() : u.roles()) {
                    update(db, "INSERT INTO user_role (user_id, role) VALUES (?, ?)", id, role);
                }
                users.put(u.username(), id);
                userIds.put(u.id(), id);
                nUsers++;
            }
        }

        private void tags(Connection db) throws SQLException {
            var list = file.tags() == null ? List.<ExportFile.TagRecord>of() : file.tags();
            for (int i = 0; i < list.size(); i++) {
                var t = list.get(i);
                at = "$.tags[" + i + "]";
                Long existing = single(db, "SELECT id FROM tag WHERE slug = ?", t.slug());
                if (existing != null) {
                    tags.put(t.slug(), existing);
                    skipped.add("tag " + t.slug() + ": exists here");
                    continue;
                }
                tags.put(t.slug(), insert(db, "INSERT INTO tag (slug, name) VALUES (?, ?) RETURNING id", t.slug(), t.name()));
                nTags++;
            }
        }

        private void documents(Connection db) throws SQLException {
            var list = file.documents() == null ? List.<DocumentRecord>of() : file.documents();
            for (int i = 0; i < list.size(); i++) {
                DocumentRecord d = list.get(i);
                at = "$.documents[" + i + "]";
                String hash = d.body() == null ? null : TextNormalizer.sha256(d.body());
                Long existing = single(db, "SELECT id FROM document WHERE slug = ? OR (body_hash IS NOT NULL AND body_hash = ?)",
                        d.slug(), hash);
                if (existing != null) {
                    documents.put(d.slug(), existing);
                    documentIds.put(d.id(), existing);
                    skipped.add("document " + d.slug() + ": exists here (same slug or same text)");
                    matchExcerpts(db, d, existing);
                    continue;
                }
                long id = insert(db, """
                        INSERT INTO document (slug, title, url, author, publisher, published_on, kind, body, body_hash,
                            current_revision, created_by, created_at, updated_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", d.slug(), d.title(), d.url(),
                        d.author(), d.publisher(), d.publishedOn() == null ? null : java.sql.Date.valueOf(d.publishedOn()),
                        d.kind(), d.body(), hash, d.currentRevision(), user(d.createdBy(), at + ".createdBy"),
                        ts(d.createdAt()), ts(d.updatedAt()), d.version() == null ? d.currentRevision() : d.version());
                // files from before several addresses per document carry the main one only; an address another
                // document here already has stays with that one
                var urls = d.urls() != null ? d.urls() : d.url() == null ? List.<String>of() : List.of(d.url());
                for (String url : urls) {
                    update(db, "INSERT INTO document_url (document_id, url) VALUES (?, ?) ON CONFLICT DO NOTHING", id, url);
                }
                documents.put(d.slug(), id);
                documentIds.put(d.id(), id);
                var revisions = d.revisions() == null ? List.<ExportFile.RevisionRecord>of() : d.revisions();
                for (int j = 0; j < revisions.size(); j++) {
                    var r = revisions.get(j);
                    at = "$.documents[" + i + "].revisions[" + j + "]";
                    update(db, """
                            INSERT INTO document_revision (document_id, revision, body, body_hash, created_by, created_at)
                            VALUES (?, ?, ?, ?, ?, ?)""", id, r.revision(), r.body(), TextNormalizer.sha256(r.body()),
                            user(r.createdBy(), at + ".createdBy"), ts(r.createdAt()));
                    nRevisions++;
                }
                var list2 = d.excerpts() == null ? List.<ExcerptRecord>of() : d.excerpts();
                for (int j = 0; j < list2.size(); j++) {
                    at = "$.documents[" + i + "].excerpts[" + j + "]";
                    excerpts.put(list2.get(j).id(), insertExcerpt(db, id, list2.get(j)));
                }
                nDocuments++;
                if (nDocuments % PROGRESS_EVERY == 0) {
                    LOG.infof("Import: %d of %d documents", nDocuments, list.size());
                }
            }
        }

        /** Merge mode, a document already here: its passages are found by position and quote, or added. */
        private void matchExcerpts(Connection db, DocumentRecord d, long documentId) throws SQLException {
            for (ExcerptRecord x : d.excerpts() == null ? List.<ExcerptRecord>of() : d.excerpts()) {
                Long same = single(db, "SELECT id FROM excerpt WHERE document_id = ? AND start_offset = ? AND end_offset = ? AND exact = ?",
                        documentId, x.start(), x.end(), x.exact());
                excerpts.put(x.id(), same != null ? same : insertExcerpt(db, documentId, x));
            }
        }

        private long insertExcerpt(Connection db, long documentId, ExcerptRecord x) throws SQLException {
            nExcerpts++;
            return insert(db, """
                    INSERT INTO excerpt (document_id, start_offset, end_offset, exact, prefix, suffix, revision, orphaned,
                        changed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", documentId, x.start(),
                    x.end(), x.exact(), x.prefix() == null ? "" : x.prefix(), x.suffix() == null ? "" : x.suffix(),
                    x.revision(), x.orphaned(), x.changed(), ts(x.createdAt()));
        }

        private void claims(Connection db) throws SQLException {
            var list = file.claims() == null ? List.<ClaimRecord>of() : file.claims();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                index.put(list.get(i).slug(), i);
            }
            // a merged claim points at its target: targets first, whatever order the file has
            List<Integer> pending = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                pending.add(i);
            }
            while (!pending.isEmpty()) {
                List<Integer> later = new ArrayList<>();
                for (int i : pending) {
                    ClaimRecord c = list.get(i);
                    if (c.mergedInto() != null && !claims.containsKey(c.mergedInto())) {
                        later.add(i);
                    } else {
                        claim(db, c, i);
                    }
                }
                if (later.size() == pending.size()) {
                    at = "$.claims[" + later.get(0) + "].mergedInto";
                    throw ImportValidator.refusal(at, "merges form a cycle");
                }
                pending = later;
            }
        }

        private void claim(Connection db, ClaimRecord c, int i) throws SQLException {
            at = "$.claims[" + i + "]";
            Long existing = single(db, "SELECT id FROM claim WHERE slug = ?", c.slug());
            if (existing != null) {
                claims.put(c.slug(), existing);
                claimIds.put(c.id(), existing);
                skipped.add("claim " + c.slug() + ": exists here, its evidence and votes were not added");
                return;
            }
            long id = insert(db, """
                    INSERT INTO claim (slug, statement, status, merged_into_id, version, created_by, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", c.slug(), c.statement(), c.status(),
                    c.mergedInto() == null ? null : claims.get(c.mergedInto()), c.version(),
                    user(c.createdBy(), at + ".createdBy"), ts(c.createdAt()), ts(c.updatedAt()));
            claims.put(c.slug(), id);
            claimIds.put(c.id(), id);
            imported.put(id, c);
            for (String tag : c.tags() == null ? List.<String>of() : c.tags()) {
                update(db, "INSERT INTO claim_tag (claim_id, tag_id) VALUES (?, ?)", id, tags.get(tag));
            }
            var evidence = c.evidence() == null ? List.<EvidenceRecord>of() : c.evidence();
            for (int k = 0; k < evidence.size(); k++) {
                EvidenceRecord e = evidence.get(k);
                at = "$.claims[" + i + "].evidence[" + k + "]";
                long eid = insert(db, """
                        INSERT INTO evidence (claim_id, document_id, excerpt_id, stance, note, population, intervention,
                            comparison, outcome, study_type, created_by, created_at, updated_at, version, detached_at, detached_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", id, documents.get(e.document()),
                        e.excerpt() == null ? null : excerpts.get(e.excerpt()), e.stance(), e.note(), e.population(),
                        e.intervention(), e.comparison(), e.outcome(), e.studyType(), user(e.createdBy(), at + ".createdBy"),
                        ts(e.createdAt()), ts(e.updatedAt()), e.version() == null ? 1 : e.version(),
                        e.detachedAt() == null ? null : ts(e.detachedAt()), user(e.detachedBy(), at + ".detachedBy"));
                evidenceIds.put(e.id(), eid);
                nEvidence++;
                var votes = e.votes() == null ? List.<ExportFile.VoteRecord>of() : e.votes();
                for (int v = 0; v < votes.size(); v++) {
                    var vote = votes.get(v);
                    at = "$.claims[" + i + "].evidence[" + k + "].votes[" + v + "]";
                    update(db, """
                            INSERT INTO vote (evidence_id, reviewer_id, strength, disputes_stance, rationale, created_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""", eid, user(vote.reviewer(), at + ".reviewer"), vote.strength(),
                            vote.disputesStance(), vote.rationale(), ts(vote.createdAt()), ts(vote.updatedAt()));
                    nVotes++;
                }
            }
            nClaims++;
            if (nClaims % PROGRESS_EVERY == 0) {
                LOG.infof("Import: %d claims", nClaims);
            }
        }

        private void auditTrail(Connection db) throws SQLException {
            var list = file.audit() == null ? List.<ExportFile.AuditRecord>of() : file.audit();
            for (int i = 0; i < list.size(); i++) {
                var a = list.get(i);
                at = "$.audit[" + i + "]";
                if (merge && single(db, """
                        SELECT id FROM audit_event WHERE occurred_at = ? AND action = ? AND entity_type = ? AND actor_name = ?
                        AND summary = ?""", ts(a.occurredAt()), a.action(), a.entityType(), a.actorName(),
                        a.summary() == null ? "" : a.summary()) != null) {
                    continue; // merge mode: this event is already in the trail
                }
                update(db, """
                        INSERT INTO audit_event (occurred_at, actor_id, actor_name, action, entity_type, entity_id, summary,
                            before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""", ts(a.occurredAt()),
                        a.actor() == null ? null : users.get(a.actor()), a.actorName(), a.action(), a.entityType(),
                        entity(a.entityType(), a.entityId()), a.summary() == null ? "" : a.summary(),
                        a.before() == null ? null : a.before().toString(), a.after() == null ? null : a.after().toString());
                nAudit++;
            }
        }

        /** An audit event's entity, in this database's ids; null for kinds that do not travel (tokens, score runs). */
        private Long entity(String type, Long id) {
            if (id == null) {
                return null;
            }
            return switch (type) {
                case "document" -> documentIds.get(id);
                case "claim" -> claimIds.get(id);
                case "evidence" -> evidenceIds.get(id);
                case "user" -> userIds.get(id);
                default -> null;
            };
        }

        /** Scores from the imported votes, compared with the exported ones; activity times kept as exported. */
        List<String> recompute() {
            List<String> mismatches = new ArrayList<>();
            for (var entry : imported.entrySet()) {
                var score = scores.recompute(entry.getKey());
                var exported = entry.getValue().score();
                if (exported != null && (score.supportWeight.compareTo(exported.supportWeight()) != 0
                        || score.conflictWeight.compareTo(exported.conflictWeight()) != 0
                        || score.voteCount != exported.voteCount() || !score.verdict.name().equals(exported.verdict()))) {
                    mismatches.add("claim " + entry.getValue().slug() + ": exported " + exported.supportWeight() + "/"
                            + exported.conflictWeight() + " " + exported.verdict() + ", recomputed " + score.supportWeight
                            + "/" + score.conflictWeight + " " + score.verdict);
                }
            }
            em.flush();
            for (var entry : imported.entrySet()) {
                var exported = entry.getValue().score();
                if (exported != null && exported.lastActivityAt() != null) {
                    em.createNativeQuery("UPDATE claim_score SET last_activity_at = :t WHERE claim_id = :c")
                            .setParameter("t", exported.lastActivityAt()).setParameter("c", entry.getKey()).executeUpdate();
                }
            }
            for (String m : mismatches) {
                LOG.warnf("Import: score differs from the export: %s", m);
            }
            return mismatches;
        }

        private Long user(String username, String path) {
            if (username == null) {
                return null;
            }
            Long id = users.get(username);
            if (id == null) {
                throw ImportValidator.refusal(path, "no account '" + username + "' in users or in this database");
            }
            return id;
        }
    }

    private static String unknownPassword() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant == null ? Instant.now() : instant);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static long insert(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement q = bind(db.prepareStatement(sql), values); ResultSet r = q.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Long single(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement q = bind(db.prepareStatement(sql), values); ResultSet r = q.executeQuery()) {
            return r.next() ? r.getLong(1) : null;
        }
    }

    private static void update(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement q = bind(db.prepareStatement(sql), values)) {
            q.executeUpdate();
        }
    }

    private static PreparedStatement bind(PreparedStatement q, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                q.setNull(i + 1, Types.NULL);
            } else {
                q.setObject(i + 1, values[i]);
            }
        }
        return q;
    }
}
