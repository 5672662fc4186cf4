package app.crux;

import app.crux.claim.Tag;
import app.crux.evidence.Stance;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Rows#select}: plain JDBC rows as records, with the same conversions and the same view of a write as a Hibernate query. */
@QuarkusTest
class RowsSelectTest {

    @Inject
    EntityManager em;

    record Mixed(Instant at, LocalDate day, Stance stance, BigDecimal weight, int count, Long nothing, boolean flag, String text) {
    }

    record Slug(String slug) {
    }

    record Count(long n) {
    }

    @Test
    @Transactional
    void convertsEachColumnToItsComponentsType() {
        Mixed row = Rows.selectOne(em, Mixed.class, """
                SELECT CAST('2026-11-26T10:00:00Z' AS timestamptz), CAST('2026-11-26' AS date), 'CONFLICTS',
                       CAST(2.50 AS numeric(4,2)), 7, CAST(NULL AS bigint), true, ?""", "words");
        assertEquals(new Mixed(Instant.parse("2026-11-26T10:00:00Z"), LocalDate.of(2026, 11, 26), Stance.CONFLICTS,
                new BigDecimal("2.50"), 7, null, true, "words"), row);
    }

    @Test
    @Transactional
    void bindsTextNumbersNullsAndIdLists() {
        assertEquals(3, Rows.selectOne(em, Count.class, "SELECT count(*) FROM unnest(CAST(? AS bigint[])) x WHERE x = ANY (?)",
                List.of(1L, 2L, 3L), List.of(3L, 2L, 1L, 9L)).n());
        assertEquals(1, Rows.selectOne(em, Count.class, "SELECT count(*) WHERE CAST(? AS text) IS NULL AND ? = 5 AND ? = 6",
                null, 5, 6L).n());
        assertEquals(List.of(), Rows.select(em, Count.class, "SELECT 1 WHERE false"));
        assertThrows(IllegalStateException.class, () -> Rows.selectOne(em, Count.class, "SELECT 1 WHERE false"));
    }

    @Test
    @Transactional
    void withinAWriteSeesTheSessionsPendingChanges() {
        String name = "Rows select " + System.nanoTime();
        Tag tag = Tag.named(name);   // inserted at once (an identity key)
        assertEquals(List.of(new Slug(tag.slug)), Rows.select(em, Slug.class, "SELECT slug FROM tag WHERE name = ?", name));
        tag.name = name + " renamed";   // a pending update, written at the next flush
        assertTrue(em.contains(tag));
        List<Slug> found = Rows.select(em, Slug.class, "SELECT slug FROM tag WHERE name = ?", name + " renamed");
        assertEquals(List.of(new Slug(tag.slug)), found, "the pending update is flushed before the read");
    }

    @Test
    @Transactional
    void aColumnThatDoesNotFitTheRecordFailsNamingBoth() {
        var failure = assertThrows(IllegalStateException.class, () -> Rows.select(em, Count.class, "SELECT 'not a number'"));
        assertTrue(failure.getMessage().contains("Count.n"), failure.getMessage());
    }
}
