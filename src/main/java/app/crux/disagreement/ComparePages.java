package app.crux.disagreement;

import app.crux.web.ReaderCache;
import app.crux.document.Document;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** /compare?a=&b=: two documents side by side. */
@Blocking
@Path("/")
@PermitAll
public class ComparePages {

    static final int PICKER_LIMIT = 500;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance compare(Comparison comparison, List<Document> documents, String a, String b);
    }

    @GET
    @Path("compare")
    @Produces(MediaType.TEXT_HTML)
    @ReaderCache
    public TemplateInstance page(@QueryParam("a") String a, @QueryParam("b") String b) {
        Document first = a == null || a.isBlank() ? null : Document.findBySlug(a).orElse(null);
        Document second = b == null || b.isBlank() ? null : Document.findBySlug(b).orElse(null);
        Comparison comparison = first != null && second != null && !first.id.equals(second.id) ? Comparison.of(first, second) : null;
        List<Document> documents = Document.findAll(Sort.by("title")).page(0, PICKER_LIMIT).list();
        return Templates.compare(comparison, documents, a == null ? "" : a, b == null ? "" : b);
    }
}
