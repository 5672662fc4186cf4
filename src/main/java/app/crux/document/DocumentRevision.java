package app.crux.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One version of a document's text; older ones are kept when the document is revised. */
@Entity
@Table(name = "document_revision")
public class DocumentRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "document_id")
    public Long documentId;

    public int revision;

    public String body;

    @Column(name = "body_hash")
    public String bodyHash;

    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    /** One revision as the document's history lists it, without its text. */
    public record Summary(int revision, Instant createdAt, Long createdBy, int characters) {
    }

    /** Every revision of a document, newest first, in one query that leaves the texts in the database. */
    public static List<Summary> summaries(long documentId) {
        return getEntityManager().createQuery("select r.revision, r.createdAt, r.createdBy, length(r.body) from DocumentRevision r"
                        + " where r.documentId = ?1 order by r.revision desc", Object[].class)
                .setParameter(1, documentId).getResultList().stream()
                .map(r -> new Summary((Integer) r[0], (Instant) r[1], (Long) r[2], ((Number) r[3]).intValue())).toList();
    }

    public static Optional<DocumentRevision> of(long documentId, int revision) {
        return find("documentId = ?1 and revision = ?2", documentId, revision).firstResultOptional();
    }
}
