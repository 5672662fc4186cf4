package app.crux.reading;

import app.crux.web.ReaderCache;
import app.crux.disagreement.Comparison;
import app.crux.account.User;
import app.crux.audit.AuditEvent;
import app.crux.document.Document;
import app.crux.document.DocumentPaths;
import app.crux.document.DocumentRevision;
import app.crux.document.RevisionDiff;
import app.crux.document.anchoring.Highlights;
import app.crux.review.VisibleHistory;
import app.crux.web.BadInput;
import app.crux.web.Paging;
import app.crux.web.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The document page: its text with the passages used as evidence highlighted, and the sources
 * it disagrees with most. It reads evidence and disagreement, which both sit above document,
 * so it lives here rather than beside the import and revision forms in document.
 */
@Blocking
@Path("/documents") // beside DocumentPages: a class path of its own, /documents/{slug}, would shadow /documents/new
@Produces(MediaType.TEXT_HTML)
public class DocumentViewPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(DocumentView view, List<Comparison.Rival> rivals, boolean extractHint);

        static native TemplateInstance history(Document document, List<RevisionRow> revisions, List<AuditEvent> events,
                Paging paging, String pagerBase);

        static native TemplateInstance revision(Document document, RevisionRow revision, List<Highlights.Paragraph> paragraphs);

        static native TemplateInstance diff(Document document, RevisionRow from, RevisionRow to, List<RevisionDiff.Run> runs,
                boolean changed, List<RevisionRow> revisions);
    }

    /** A revision as pages name it: its number, when, by whom, how long. */
    public record RevisionRow(int number, Instant savedAt, String savedBy, int characters, boolean current) {
        public int previous() {
            return number - 1;
        }
    }

    static final int HISTORY_PAGE_SIZE = 50;

    @Inject
    VisibleHistory history;

    /** Set when an editor has seen the one-time hint on selecting text to extract a claim. */
    static final String HINT_SEEN = "crux-hint-extract";
    private static final int HINT_SEEN_FOR = 400 * 24 * 3600;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("{slug}")
    @PermitAll
    @ReaderCache
    public Response show(@PathParam("slug") String slug, @CookieParam(HINT_SEEN) String hintSeen) {
        Document.WithBody read = Document.bySlugWithBody(slug);
        Document document = read.document();
        // an editor's first document page explains how to pull a claim out of it, once per browser:
        // a cookie, so a GET writes nothing to the database and no extra form is needed (docs/decisions.md)
        boolean hint = hintSeen == null && currentUser.isEditor() && !document.citationOnly();
        Response.ResponseBuilder page = Response.ok(Templates.show(DocumentView.of(document, read.body(), currentUser.seesUnpublishedClaims()),
                Comparison.mostDisagreeing(document.id, 5), hint));
        if (hint) {
            page.cookie(new NewCookie.Builder(HINT_SEEN).value("1").path("/documents").maxAge(HINT_SEEN_FOR)
                    .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build());
        }
        return page.build();
    }

    /** The document's events (its passages' and the evidence drawn from it included), and its revisions. */
    @GET
    @Path("{slug}/history")
    @PermitAll
    public TemplateInstance history(@PathParam("slug") String slug, @QueryParam("page") Integer page) {
        Document document = Document.bySlug(slug);
        var filter = VisibleHistory.Filter.about(VisibleHistory.SubjectType.DOCUMENT, document.id);
        Paging paging = Paging.of(page, HISTORY_PAGE_SIZE, history.count(filter));
        return Templates.history(document, revisions(document), history.page(filter, paging.index() * HISTORY_PAGE_SIZE,
                HISTORY_PAGE_SIZE), paging, DocumentPaths.history(document.slug) + "?");
    }

    /** The text as it was at one revision. */
    @GET
    @Path("{slug}/revisions/{number}")
    @PermitAll
    public TemplateInstance revision(@PathParam("slug") String slug, @PathParam("number") int number) {
        Document document = Document.bySlug(slug);
        DocumentRevision stored = DocumentRevision.of(document.id, number)
                .orElseThrow(() -> new NotFoundException("No revision " + number + " of " + slug));
        RevisionRow row = revisions(document).stream().filter(r -> r.number() == number).findFirst().orElseThrow();
        return Templates.revision(document, row, Highlights.of(stored.body, List.of()));
    }

    /** What changed between two revisions, words marked inserted or deleted. */
    @GET
    @Path("{slug}/diff")
    @PermitAll
    public TemplateInstance diff(@PathParam("slug") String slug, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        Document document = Document.bySlug(slug);
        List<RevisionRow> revisions = revisions(document);
        if (revisions.isEmpty()) {
            throw new NotFoundException(slug + " has no text to compare");
        }
        int newer = to == null ? document.currentRevision : to;
        int older = from == null ? Math.max(1, newer - 1) : from;
        RevisionRow a = revisions.stream().filter(r -> r.number() == older).findFirst()
                .orElseThrow(() -> new BadInput("from: a revision of this document, 1 to " + document.currentRevision));
        RevisionRow b = revisions.stream().filter(r -> r.number() == newer).findFirst()
                .orElseThrow(() -> new BadInput("to: a revision of this document, 1 to " + document.currentRevision));
        List<RevisionDiff.Run> runs = RevisionDiff.of(DocumentRevision.of(document.id, older).orElseThrow().body,
                DocumentRevision.of(document.id, newer).orElseThrow().body);
        return Templates.diff(document, a, b, runs, RevisionDiff.changed(runs), revisions);
    }

    /** Newest first, with the names of who saved them (one query for the revisions, one for the names). */
    private static List<RevisionRow> revisions(Document document) {
        List<DocumentRevision.Summary> summaries = DocumentRevision.summaries(document.id);
        Map<Long, String> names = new HashMap<>();
        List<Long> ids = summaries.stream().map(DocumentRevision.Summary::createdBy).filter(Objects::nonNull).distinct().toList();
        if (!ids.isEmpty()) {
            User.<User>list("id in ?1", ids).forEach(u -> names.put(u.id, u.username));
        }
        return summaries.stream().map(s -> new RevisionRow(s.revision(), s.createdAt(),
                s.createdBy() == null ? "system" : names.getOrDefault(s.createdBy(), "a removed account"), s.characters(),
                s.revision() == document.currentRevision)).toList();
    }
}
