package app.crux;

import app.crux.claim.Tag;
import app.crux.evidence.Stance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
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

/** {@link Rows#select}: plain JDBC rows as records, with the same conversions and the same view of a write as a Hibernate query; {@link Rows#execute}'s writes. */
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

    /** {@link Rows#execute}: counts the rows it changed, binds an Instant, and commits or rolls back with the caller's transaction. */
    @Test
    void executeWritesInTheCallersTransaction() {
        String kept = "rows-execute-" + System.nanoTime();
        String undone = kept + "-undone";
        int inserted = QuarkusTransaction.requiringNew().call(() -> Rows.execute(em,
                "INSERT INTO tag (slug, name) SELECT ?, ? WHERE CAST(? AS timestamptz) < now()", kept, kept, Instant.parse("2026-01-01T00:00:00Z")));
        assertEquals(1, inserted);
        // marked rollback-only, the transaction ends in a rollback, which QuarkusTransaction reports as an exception
        assertThrows(QuarkusTransactionException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(1, Rows.execute(em, "INSERT INTO tag (slug, name) VALUES (?, ?)", undone, undone));
            assertEquals(List.of(new Slug(undone)), Rows.select(em, Slug.class, "SELECT slug FROM tag WHERE name = ?", undone),
                    "the transaction sees its own write");
            QuarkusTransaction.setRollbackOnly();
        }));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Rows.execute(em,
                "UPDATE tag SET name = name || '!' WHERE slug IN (?, ?)", kept, undone)), "only the committed row is there to change");
        assertEquals(List.of(new Slug(kept)), QuarkusTransaction.requiringNew().call(() ->
                Rows.select(em, Slug.class, "SELECT slug FROM tag WHERE slug IN (?, ?)", kept, undone)), "the rolled-back insert is gone");
    }

    record Loose(Double ratio, Boolean flag, Integer small, String json) {
    }

    @Test
    @Transactional
    void readsNullsIntoBoxedComponentsAndOtherTypesAsText() {
        assertEquals(new Loose(0.25, null, null, "{\"a\": 1}"), Rows.selectOne(em, Loose.class,
                "SELECT CAST(0.25 AS numeric), CAST(NULL AS boolean), CAST(NULL AS int), CAST('{\"a\":1}' AS jsonb)"));
    }

    @Test
    @Transactional
    void aColumnThatDoesNotFitTheRecordFailsNamingBoth() {
        var failure = assertThrows(IllegalStateException.class, () -> Rows.select(em, Count.class, "SELECT 'not a number'"));
        assertTrue(failure.getMessage().contains("Count.n"), failure.getMessage());
        var textFromNumber = assertThrows(IllegalStateException.class, () -> Rows.select(em, Slug.class, "SELECT 42"));
        assertTrue(textFromNumber.getMessage().contains("Slug.slug is a String but the column is a int4"), textFromNumber.getMessage());
        var nullIntoPrimitive = assertThrows(IllegalStateException.class, () -> Rows.select(em, Count.class, "SELECT CAST(NULL AS bigint)"));
        assertTrue(nullIntoPrimitive.getMessage().contains("Count.n is a long but the column is null"), nullIntoPrimitive.getMessage());
        var unknownName = assertThrows(IllegalStateException.class, () -> Rows.select(em, Mixed.class, """
                SELECT now(), CAST(now() AS date), 'NEITHER', 1, 2, 3, false, 'x'"""));
        assertTrue(unknownName.getMessage().contains("Mixed.stance is a Stance"), unknownName.getMessage());
        var tooMany = assertThrows(IllegalStateException.class, () -> Rows.select(em, Count.class, "SELECT 1, 2"));
        assertEquals("Count has 1 components; the row has 2 columns", tooMany.getMessage());
    }
}
