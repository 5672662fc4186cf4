package app.crux.audit;

import app.crux.Rows;
import app.crux.Sha256;
import app.crux.web.DataVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;

/**
 * The data's version for conditional requests. The tag is the database's current snapshot
 * ({@code xmin:xmax:in-progress ids}): two reads with the same snapshot see exactly the same rows,
 * and any committed write moves it, so a cached page is never stale — not even when two writers
 * commit out of the order their events were numbered in, which a "newest event id" tag would miss.
 * The time of the newest audit event (every write leaves one) is the Last-Modified date.
 * One statement, an index-only look at audit_event's newest row.
 */
@ApplicationScoped
public class AuditDataVersion implements DataVersion {

    private record Row(String snapshot, Instant lastChange) {
    }

    @Inject
    EntityManager em;

    @Override
    public Version current() {
        // plain JDBC (Rows.select): every reader GET asks this, and Hibernate's native-query path cost more than the query
        Row row = Rows.selectOne(em, Row.class, """
                SELECT CAST(pg_current_snapshot() AS text),
                       (SELECT occurred_at FROM audit_event ORDER BY occurred_at DESC, id DESC LIMIT 1)""");
        return new Version(Sha256.hex(row.snapshot()).substring(0, 20), row.lastChange());
    }
}
