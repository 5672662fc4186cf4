package app.crux.document;

import app.crux.Rows;
import app.crux.web.Conflict;
import io.quarkus.hibernate.orm.panache.Panache;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A document's addresses (table document_url, its main {@code url} included) and which document already has a
 * given address. Two addresses are the same page when their {@code document_url_key} (V4: scheme, "www.", default
 * port, fragment and trailing slash ignored) is equal; the database's unique index on that key is the final word.
 */
public final class DocumentUrls {

    /** A document that already has an address, found by it. */
    public record Owner(long id, String slug, String title, String url) {
    }

    private DocumentUrls() {
    }

    public static Optional<Owner> owner(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Rows.list(Panache.getEntityManager().createNativeQuery("""
                SELECT d.id, d.slug, d.title, u.url FROM document_url u JOIN document d ON d.id = u.document_id
                WHERE u.url_key = document_url_key(:url)""").setParameter("url", url.strip()), Owner.class).stream().findFirst();
    }

    /** A page Crux already has is answered with the document that has it (409), never imported twice. */
    public static void refuseKnown(String url, Long except) {
        owner(url).filter(o -> except == null || o.id() != except).ifPresent(o -> {
            throw new Conflict("This address is already in Crux as “" + o.title() + "”.",
                    Map.of("existingId", o.id(), "existingSlug", o.slug(), "matchedUrl", o.url()));
        });
    }

    /** Every address of a document, its main one first, then in the order they were added. */
    @SuppressWarnings("unchecked")
    public static List<String> of(long documentId) {
        return Panache.getEntityManager().createNativeQuery("""
                SELECT u.url FROM document_url u JOIN document d ON d.id = u.document_id WHERE u.document_id = :d
                ORDER BY (u.url_key = document_url_key(coalesce(d.url, ''))) DESC, u.id""")
                .setParameter("d", documentId).getResultList();
    }

    /** The document's addresses become exactly {@code urls}; the caller has checked that no other document has one. */
    static void replace(long documentId, List<String> urls) {
        var em = Panache.getEntityManager();
        em.createNativeQuery("DELETE FROM document_url WHERE document_id = :d").setParameter("d", documentId).executeUpdate();
        for (String url : urls) {
            // the same page twice in one list (http and https, say) is kept once
            em.createNativeQuery("INSERT INTO document_url (document_id, url) VALUES (:d, :url) ON CONFLICT DO NOTHING")
                    .setParameter("d", documentId).setParameter("url", url).executeUpdate();
        }
    }
}
