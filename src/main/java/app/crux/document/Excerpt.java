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

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    public static List<Excerpt> ofDocument(long documentId) {
        return list("document.id = ?1 order by start, end", documentId);
    }

    public static Optional<Excerpt> at(long documentId, int start, int end) {
        return find("document.id = ?1 and start = ?2 and end = ?3 and orphaned = false", documentId, start, end)
                .firstResultOptional();
    }

    public boolean needsAttention() {
        return orphaned || changed;
    }
}
