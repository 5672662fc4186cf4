package app.crux.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The export format, version {@value #FORMAT} (docs/exchange.md describes every field). The
 * export is streamed field by field in this order, never built as one object; the records
 * exist so the format has one typed definition, so {@code /q/openapi} describes it, and so
 * an import binds to exactly what an export writes. References between records use what
 * survives a move between databases: slugs for documents and claims, usernames for people;
 * only excerpts are referred to by their exported id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportFile(String format, Instant exportedAt, String scope, List<UserRecord> users, List<TagRecord> tags,
        List<DocumentRecord> documents, List<ClaimRecord> claims, List<AuditRecord> audit) {

    public static final String FORMAT = "crux-export/1";
    /** Everything: accounts (without secrets), every claim, every vote, the audit trail. Admins only. */
    public static final String FULL = "full";
    /** What any reader may see: published claims, aggregates the blind-rating rule lets them see, no accounts. */
    public static final String PUBLIC = "public";

    /** An account without its password hash, tokens or sessions. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UserRecord(long id, String username, String displayName, List<String> roles, boolean enabled,
            Instant createdAt) {
    }

    public record TagRecord(String slug, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DocumentRecord(long id, String slug, String title, String url, String author, String publisher,
            LocalDate publishedOn, String kind, int currentRevision, String body, String createdBy, Instant createdAt,
            Instant updatedAt, List<RevisionRecord> revisions, List<ExcerptRecord> excerpts, Integer version, List<String> urls) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RevisionRecord(int revision, String body, String createdBy, Instant createdAt) {
    }

    /** Offsets are into the text of {@code revision}; W3C TextPositionSelector plus TextQuoteSelector. */
    public record ExcerptRecord(long id, int start, int end, String exact, String prefix, String suffix, int revision,
            boolean orphaned, boolean changed, Instant createdAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClaimRecord(long id, String slug, String statement, String status, String mergedInto, int version,
            List<String> tags, String createdBy, Instant createdAt, Instant updatedAt, ScoreRecord score,
            List<EvidenceRecord> evidence) {
    }

    public record ScoreRecord(BigDecimal supportWeight, BigDecimal conflictWeight, int supportCount, int conflictCount,
            int voteCount, BigDecimal contestedness, BigDecimal rankScore, String verdict, Instant lastActivityAt) {
    }

    /** {@code excerpt} is an {@link ExcerptRecord#id} of {@code document}; absent for a whole (citation-only) source. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvidenceRecord(long id, String document, Long excerpt, String stance, String note, String population,
            String intervention, String comparison, String outcome, String studyType, BigDecimal weight,
            Integer voteCount, Integer disputeCount, String createdBy, Instant createdAt, Instant updatedAt,
            List<VoteRecord> votes, Integer version, Instant detachedAt, String detachedBy) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VoteRecord(String reviewer, String strength, boolean disputesStance, String rationale, Instant createdAt,
            Instant updatedAt) {
    }

    /** {@code entityId} is the exported id of a document, claim, evidence item or user (by {@code entityType}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuditRecord(long id, Instant occurredAt, String actor, String actorName, String action,
            String entityType, Long entityId, String summary, JsonNode before, JsonNode after) {
    }
}
