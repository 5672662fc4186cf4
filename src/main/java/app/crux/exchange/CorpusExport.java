package app.crux.exchange;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Writes the export ({@link ExportFile}) to a stream with Jackson's generator, one page of
 * rows at a time ({@link ExportRows}): a 10,000-document corpus never sits in memory, and
 * the first bytes leave before the last row is read. Runs outside any JTA transaction on a
 * connection of its own, read-only and repeatable-read, so the export is one snapshot.
 */
@ApplicationScoped
public class CorpusExport {

    private static final Logger LOG = Logger.getLogger(CorpusExport.class);
    /** Documents are the large rows (whole texts and every revision); claims and audit events are small. */
    static final int DOCUMENT_PAGE = 50;
    static final int PAGE = 500;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /** Admins export everything; a reviewer's public export keeps the blind-rating rule; the rest get the public part. */
    public ExportScope scopeFor(app.crux.web.CurrentUser viewer) {
        if (viewer.isAdmin()) {
            return ExportScope.everything();
        }
        if (!viewer.isReviewer()) {
            return ExportScope.reader();
        }
        java.util.Set<Long> rated = new java.util.HashSet<>();
        try (Connection db = dataSource.getConnection();
                var q = db.prepareStatement("SELECT evidence_id FROM vote WHERE reviewer_id = ?")) {
            q.setLong(1, viewer.id());
            try (var r = q.executeQuery()) {
                while (r.next()) {
                    rated.add(r.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the reviewer's ratings", e);
        }
        return new ExportScope(false, rated);
    }

    public void write(ExportScope scope, OutputStream out) throws IOException {
        long started = System.nanoTime();
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            db.setReadOnly(true);
            try (JsonGenerator g = json.getFactory().createGenerator(out)) {
                g.setCodec(json);
                int[] counts = write(new ExportRows(db, scope, json), scope, g);
                LOG.infof("Exported (%s): %d documents, %d claims in %d ms", scope.name(), counts[0], counts[1],
                        (System.nanoTime() - started) / 1_000_000);
            } finally {
                db.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("The export could not read the database", e);
        }
    }

    private int[] write(ExportRows rows, ExportScope scope, JsonGenerator g) throws IOException, SQLException {
        g.writeStartObject();
        g.writeStringField("format", ExportFile.FORMAT);
        g.writeStringField("exportedAt", Instant.now().toString());
        g.writeStringField("scope", scope.name());
        if (scope.full()) {
            g.writeArrayFieldStart("users");
            long last = 0;
            for (var page = rows.users(last, PAGE); !page.isEmpty(); page = rows.users(last, PAGE)) {
                for (var user : page) {
                    g.writeObject(user);
                    last = user.id();
                }
            }
            g.writeEndArray();
        }
        g.writeArrayFieldStart("tags");
        for (var tag : rows.tags()) {
            g.writeObject(tag);
        }
        g.writeEndArray();
        int documents = 0;
        g.writeArrayFieldStart("documents");
        long last = 0;
        for (var page = rows.documents(last, DOCUMENT_PAGE); !page.isEmpty(); page = rows.documents(last, DOCUMENT_PAGE)) {
            for (var document : page) {
                g.writeObject(document);
                last = document.id();
            }
            documents += page.size();
            g.flush(); // each page leaves as soon as it is written: the client sees progress, the heap stays small
        }
        g.writeEndArray();
        int claims = 0;
        g.writeArrayFieldStart("claims");
        last = 0;
        for (var page = rows.claims(last, PAGE); !page.isEmpty(); page = rows.claims(last, PAGE)) {
            for (var claim : page) {
                g.writeObject(claim);
                last = claim.id();
            }
            claims += page.size();
            g.flush();
        }
        g.writeEndArray();
        if (scope.full()) {
            g.writeArrayFieldStart("audit");
            last = 0;
            for (List<ExportFile.AuditRecord> page = rows.audit(last, PAGE); !page.isEmpty(); page = rows.audit(last, PAGE)) {
                for (var event : page) {
                    g.writeObject(event);
                    last = event.id();
                }
                g.flush();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        return new int[] {documents, claims};
    }
}
