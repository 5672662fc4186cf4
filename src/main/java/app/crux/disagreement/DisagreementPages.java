package app.crux.disagreement;

import app.crux.web.ReaderCache;
import app.crux.claim.Tag;
import app.crux.claim.TopicFilter;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** /disagreements: which documents take opposite sides most often. */
@Blocking
@Path("/disagreements")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class DisagreementPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance map(Matrix matrix, List<Tag.Option> tags, String tag, int size, List<Integer> sizes);
    }

    @Inject
    TopicFilter topicFilter;

    @GET
    @ReaderCache
    public TemplateInstance map(@QueryParam("tag") String tag, @QueryParam("top") Integer top) {
        String filter = tag == null || tag.isBlank() ? null : tag.strip();
        int size = top == null ? Matrix.DEFAULT_SIZE : Math.max(2, Math.min(top, Matrix.MAX_SIZE));
        return Templates.map(Matrix.of(filter, size), topicFilter.options(filter), filter == null ? "" : filter, size,
                List.of(8, 12, 20, 40, 60));
    }
}
