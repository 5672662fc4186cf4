package app.crux.claim;

import app.crux.disagreement.ClaimScore;
import app.crux.web.Paging;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** /tags/{tag}: the published claims of a topic with their verdicts. */
@Blocking
@Path("/tags/{tag}")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class TagPages {

    static final int PAGE_SIZE = 50;

    public record Entry(Claim claim, ClaimScore score) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tag(Tag tag, List<Entry> claims, Paging paging, String pagerBase);
    }

    @GET
    public TemplateInstance tag(@PathParam("tag") String slug, @QueryParam("page") Integer page) {
        Tag tag = Tag.findBySlug(slug).orElseThrow(() -> new NotFoundException("No topic " + slug));
        long total = Claim.count("select count(c) from Claim c join c.tags t where t.id = ?1 and c.status = ?2", tag.id, ClaimStatus.PUBLISHED);
        if (total == 0) {
            // a topic only drafts or retracted claims use would name them: it does not exist for readers
            throw new NotFoundException("No topic " + slug);
        }
        Paging paging = Paging.of(page, PAGE_SIZE, total);
        List<Object[]> rows = Claim.getEntityManager().createQuery("""
                SELECT c, s FROM Claim c JOIN c.tags t, ClaimScore s
                WHERE s.claimId = c.id AND t.id = :tag AND c.status = :status
                ORDER BY s.rankScore DESC, c.statement""", Object[].class)
                .setParameter("tag", tag.id).setParameter("status", ClaimStatus.PUBLISHED)
                .setFirstResult(paging.index() * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
        return Templates.tag(tag, rows.stream().map(r -> new Entry((Claim) r[0], (ClaimScore) r[1])).toList(), paging,
                ClaimPaths.path(tag) + "?");
    }
}
