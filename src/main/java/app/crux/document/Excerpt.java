package app.crux.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A passage of a document, anchored as the W3C Web Annotation model does:
 * offsets into the normalised body plus the quote with its context.
 */
@Entity
@Table(name = "excerpt")
public class Excerpt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "document_id")
    public Document document;

    @Column(name = "start_offset")
    public int start;

    @Column(name = "end_offset")
    public int end;

    public String exact;
    public String prefix = "";
    public String suffix = "";

    /** The document revision the offsets refer to. */
    public int revision = 1;

    /** Re-anchoring could not find the passage in the current text. */
    public boolean orphaned;

    /** Re-anchoring found the passage, but with different words. */
    public boolean changed;

    /** A changed passage's words before the revision moved it; cleared when an editor resolves it. */
    @Column(name = "previous_exact")
    public String previousExact;

    /** Set when an editor retired the passage: it left the source, its row stays for evidence and history. */
    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "retired_by")
    public Long retiredBy;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    public static List<Excerpt> ofDocument(long documentId) {
        return list("document.id = ?1 order by start, end", documentId);
    }

    /** The passages a revision re-anchors: retired ones have left the text for good. */
    public static List<Excerpt> liveOfDocument(long documentId) {
        return list("document.id = ?1 and retiredAt is null order by start, end", documentId);
    }

    public static Optional<Excerpt> at(long documentId, int start, int end) {
        return find("document.id = ?1 and start = ?2 and end = ?3 and orphaned = false and retiredAt is null",
                documentId, start, end).firstResultOptional();
    }

    /**
     * Passages flagged by re-anchoring and not yet resolved, for the editors' navigation: one count
     * over the partial index excerpt_attention_idx (resolving, retiring included, clears both flags).
     */
    public static long needingAttentionCount() {
        return count("orphaned = true or changed = true");
    }

    public boolean needsAttention() {
        return orphaned || changed;
    }

    public boolean retired() {
        return retiredAt != null;
    }
}
