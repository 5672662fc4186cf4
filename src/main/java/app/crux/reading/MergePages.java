package app.crux.reading;

import app.crux.account.Role;
import app.crux.claim.Claim;
import app.crux.claim.ClaimPaths;
import app.crux.claim.ClaimVisibility;
import app.crux.claim.MergeCandidate;
import app.crux.claim.MergeService;
import app.crux.review.BlindRating;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import app.crux.web.Enums;
import app.crux.web.Flash;
import app.crux.web.HtmlPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merging from the claim page without JavaScript: find the target (a search listing candidates
 * with a radio each; merge.js narrows the list while typing), preview what moves and choose per
 * shared passage, confirm; and undo from the claim's history.
 */
@Blocking
@Path("/claims/{slug}/merge")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.EDITOR_NAME)
public class MergePages {

    static final int CANDIDATES = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(Claim claim, String q, List<MergeCandidate> candidates, String problem);

        static native TemplateInstance preview(Claim claim, MergePreview preview, Map<Long, String> chosen, List<String> problems);
    }

    @Inject
    MergeService merges;

    @Inject
    ClaimVisibility visibility;

    @Inject
    BlindRating blind;

    @GET
    public TemplateInstance search(@PathParam("slug") String slug, @QueryParam("q") String q) {
        Claim claim = claim(slug);
        String query = q == null ? "" : q.strip();
        if (query.length() > 200) {
            throw new BadInput("Search with at most 200 characters.");
        }
        return Templates.search(claim, query, MergeCandidate.matching(query, visibility.suggested(), claim.id, CANDIDATES), null);
    }

    @GET
    @Path("preview")
    public Response preview(@PathParam("slug") String slug, @QueryParam("into") String into) {
        Claim claim = claim(slug);
        Claim target = target(into);
        if (target == null) {
            return HtmlPage.status(400, Templates.search(claim, "", MergeCandidate.matching("", visibility.suggested(), claim.id,
                    CANDIDATES), "Choose the claim to merge into from the list."));
        }
        return previewPage(200, claim, target, Map.of(), List.of());
    }

    @POST
    public Response merge(@PathParam("slug") String slug, @RestForm String into, @RestForm("keep") List<String> keep) {
        Claim claim = claim(slug);
        Claim target = target(into);
        if (target == null) {
            return Flash.redirect(URI.create(ClaimPaths.mergeOf(slug)), Flash.Kind.ALERT, "Choose the claim to merge into from the list.");
        }
        Map<Long, String> chosen = new LinkedHashMap<>();
        try {
            Map<Long, MergeService.Keep> choices = choices(keep, chosen);
            merges.merge(claim.id, target.id, choices);
            return Flash.redirect(URI.create(ClaimPaths.of(target.slug)), "Merged “" + claim.statement
                    + "” into this claim. Its history can undo the merge while nothing that moved has changed.");
        } catch (Conflict e) {
            return previewPage(409, claim(slug), target, chosen, List.of(e.getMessage()));
        } catch (BadInput e) {
            return previewPage(400, claim(slug), target, chosen, BadInput.problems(e));
        }
    }

    @POST
    @Path("undo")
    public Response undo(@PathParam("slug") String slug, @RestForm String merge) {
        Claim claim = claim(slug);
        Long mergeId = merge == null || !merge.strip().matches("\\d{1,18}") ? null : Long.valueOf(merge.strip());
        try {
            merges.undo(claim.id, mergeId);
            return Flash.redirect(URI.create(ClaimPaths.of(slug)), "Merge undone: the claim, its evidence, ratings and tags are back.");
        } catch (Conflict e) {
            Claim target = claim.mergedInto;
            String back = target == null ? ClaimPaths.of(slug) : ClaimPaths.of(target.slug) + "/history";
            return Flash.redirect(URI.create(back), Flash.Kind.ALERT, e.getMessage());
        }
    }

    private Response previewPage(int status, Claim claim, Claim target, Map<Long, String> chosen, List<String> problems) {
        try {
            merges.check(claim, target);
        } catch (BadInput | Conflict e) {
            return HtmlPage.status(e instanceof Conflict ? 409 : 400, Templates.search(claim, "",
                    MergeCandidate.matching("", visibility.suggested(), claim.id, CANDIDATES), e.getMessage()));
        }
        return HtmlPage.status(status, Templates.preview(claim, MergePreview.of(claim, target, blind), chosen, problems));
    }

    private Claim claim(String slug) {
        return visibility.require(Claim.findBySlug(slug).orElse(null), slug);
    }

    /** The chosen target by id; null when none or not one this editor can see. */
    private Claim target(String into) {
        if (into == null || !into.strip().matches("\\d{1,18}")) {
            return null;
        }
        Claim target = Claim.findById(Long.valueOf(into.strip()));
        return visibility.canSee(target) ? target : null;
    }

    /** {@code keep} values are "{merged claim's item id}:SOURCE|TARGET", one select per shared passage; "" is not chosen yet. */
    private static Map<Long, MergeService.Keep> choices(List<String> keep, Map<Long, String> chosen) {
        Map<Long, MergeService.Keep> choices = new LinkedHashMap<>();
        for (String value : keep == null ? List.<String>of() : keep) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String[] parts = value.strip().split(":", 2);
            var choice = parts.length == 2 && parts[0].matches("\\d{1,18}")
                    ? Enums.parse(MergeService.Keep.class, parts[1].toUpperCase(Locale.ROOT)) : java.util.Optional.<MergeService.Keep>empty();
            if (choice.isEmpty()) {
                throw new BadInput("Unreadable choice for a shared passage: choose from the lists.");
            }
            long item = Long.parseLong(parts[0]);
            if (choices.put(item, choice.get()) != null) {
                throw new BadInput("A shared passage was chosen twice.");
            }
            chosen.put(item, choice.get().name());
        }
        return choices;
    }
}
