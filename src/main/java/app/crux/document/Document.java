package app.crux.document;

import app.crux.Like;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.ws.rs.NotFoundException;
import org.hibernate.Hibernate;
import org.hibernate.annotations.Formula;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** An article, study or transcript; without body text, a citation-only source. */
@Entity
@Table(name = "document")
public class Document extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;
    public String title;
    public String url;
    public String author;
    public String publisher;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Enumerated(EnumType.STRING)
    public Kind kind = Kind.ARTICLE;

    /**
     * Normalised text (see TextNormalizer); every excerpt offset points into it. Lazy (Quarkus
     * enhances entities): evidence cards and lists load documents by the dozen and never need
     * their ~6 KB of text; the document page and the write paths read it when they touch it.
     */
    @Basic(fetch = FetchType.LAZY)
    public String body;

    /** Whether the row has no text, read with the other columns so lists need not load the lazy body. */
    @Formula("(body IS NULL)")
    boolean storedWithoutBody;

    @Column(name = "body_hash")
    public String bodyHash;

    @Column(name = "current_revision")
    public int currentRevision = 1;

    /** Raised by every revision and every metadata edit: the ETag, and the version a metadata edit must name. */
    public int version = 1;

    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    public static Optional<Document> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The document at this slug, or 404: every page under /documents/{slug} starts here. */
    public static Document bySlug(String slug) {
        return findBySlug(slug).orElseThrow(() -> new NotFoundException("No document " + slug));
    }

    /** The document with this id, or 404. */
    /** A document with its text, read in one query: the lazy body would otherwise cost a second one. */
    public record WithBody(Document document, String body) {
    }

    public static WithBody bySlugWithBody(String slug) {
        List<Object[]> rows = getEntityManager().createQuery("select d, d.body from Document d where d.slug = :slug", Object[].class)
                .setParameter("slug", slug).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("No document " + slug);
        }
        return new WithBody((Document) rows.get(0)[0], (String) rows.get(0)[1]);
    }

    public static Document byId(long id) {
        Document document = findById(id);
        if (document == null) {
            throw new NotFoundException("No document " + id);
        }
        return document;
    }

    public static Optional<Document> findByBodyHash(String hash) {
        return find("bodyHash", hash).firstResultOptional();
    }

    /** No document at all: a new instance, whose home page says what to do first. */
    public static boolean noneYet() {
        return getEntityManager().createQuery("select d.id from Document d", Long.class).setMaxResults(1).getResultList().isEmpty();
    }

    public static boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }

    /** Newest first; {@code filter} matches title, author or publisher (case-insensitive). */
    public static List<Document> listMatching(String filter, int page, int size) {
        if (filter == null || filter.isBlank()) {
            return find("order by createdAt desc, id desc").page(page, size).list();
        }
        return find("lower(title) like ?1 escape '\\' or lower(coalesce(author, '')) like ?1 escape '\\'"
                + " or lower(coalesce(publisher, '')) like ?1 escape '\\'"
                + " order by createdAt desc, id desc", like(filter)).page(page, size).list();
    }

    public static long countMatching(String filter) {
        if (filter == null || filter.isBlank()) {
            return count();
        }
        return count("lower(title) like ?1 escape '\\' or lower(coalesce(author, '')) like ?1 escape '\\'"
                + " or lower(coalesce(publisher, '')) like ?1 escape '\\'",
                like(filter));
    }

    private static String like(String filter) {
        return Like.containing(filter);
    }

    /** A paragraph of a document's current text, found by the claim page's passage finder. */
    public record Paragraph(String documentSlug, String documentTitle, String text) {
    }

    /**
     * Paragraphs (blank-line separated, as normalised at import) holding {@code words} as typed, newest
     * documents first. A sequential scan, run only when an editor asks, so no index is kept for it.
     */
    @SuppressWarnings("unchecked")
    public static List<Paragraph> paragraphsMatching(String words, int limit) {
        List<jakarta.persistence.Tuple> rows = getEntityManager().createNativeQuery("""
                SELECT d.slug AS slug, d.title AS title, p.text AS text
                FROM document d CROSS JOIN LATERAL regexp_split_to_table(d.body, '\n\s*\n') AS p(text)
                WHERE d.body IS NOT NULL AND p.text ILIKE :pattern
                ORDER BY d.created_at DESC, d.id DESC
                LIMIT :limit""", jakarta.persistence.Tuple.class)
                .setParameter("pattern", like(words)).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new Paragraph(r.get("slug", String.class), r.get("title", String.class),
                r.get("text", String.class).strip())).toList();
    }

    public boolean citationOnly() {
        // a document made or edited in this session knows its body; one read from the database asks the formula
        return Hibernate.isPropertyInitialized(this, "body") ? body == null : storedWithoutBody;
    }
}
