package app.crux.claim;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The visibility rule in Java, and the SQL read models that spell it out, kept in step. */
class ClaimVisibilityRuleTest {

    /** Read models whose SQL filters claims for readers; each must say the same thing as ClaimStatus.isPublic. */
    private static final List<String> READ_MODELS = List.of(
            "disagreement/Contested.java", "disagreement/Comparison.java", "disagreement/Matrix.java",
            "search/SearchService.java", "review/ReviewQueue.java", "review/Votes.java", "audit/AuditEvent.java");

    @Test
    void onlyPublishedClaimsArePublic() {
        assertEquals(List.of(ClaimStatus.PUBLISHED), Arrays.stream(ClaimStatus.values()).filter(ClaimStatus::isPublic).toList());
        assertEquals(List.of(ClaimStatus.DRAFT, ClaimStatus.PUBLISHED), ClaimStatus.editable());
    }

    @Test
    void readersSeePublishedClaimsAndMergedOnesOnlyThroughAPublicTarget() {
        for (ClaimStatus status : ClaimStatus.values()) {
            assertEquals(status == ClaimStatus.PUBLISHED, claim(status).visibleTo(false), status.name());
            assertTrue(claim(status).visibleTo(true), "editors see " + status);
        }
        Claim merged = claim(ClaimStatus.MERGED);
        merged.mergedInto = claim(ClaimStatus.PUBLISHED);
        assertTrue(merged.visibleTo(false));
        merged.mergedInto = claim(ClaimStatus.DRAFT);
        assertFalse(merged.visibleTo(false));
        merged.mergedInto = claim(ClaimStatus.RETRACTED);
        assertFalse(merged.visibleTo(false));
    }

    @Test
    void theSqlReadModelsFilterOnThePublishedStatusOnly() throws IOException {
        for (String file : READ_MODELS) {
            String source = Files.readString(Path.of("src/main/java/app/crux", file));
            assertTrue(source.contains("status = 'PUBLISHED'"), file);
            assertFalse(source.contains("'DRAFT'") || source.contains("'RETRACTED'"), file + " names a non-public status");
        }
    }

    private static Claim claim(ClaimStatus status) {
        Claim claim = new Claim();
        claim.status = status;
        return claim;
    }
}
