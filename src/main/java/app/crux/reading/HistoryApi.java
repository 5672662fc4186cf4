package app.crux.reading;

import app.crux.audit.AuditEvent;
import app.crux.claim.ClaimVisibility;
import app.crux.document.Document;
import app.crux.evidence.Evidence;
import app.crux.review.VisibleHistory;
import app.crux.web.ApiPage;
import app.crux.web.BadInput;
import app.crux.web.CurrentUser;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /api/history?subject=claim:12&page=}: audit events newest first, as the caller may
 * see them (claim visibility, blind rating). One subject's history is as public as the subject;
 * the whole log, without a subject, is for the people who curate, as on /history.
 */
@Path("/api/history")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryApi {

    /** One event; the stored before/after states stay out, as on the pages. */
    public record Event(long id, Instant occurredAt, String actor, String action, String kind, String entityType, Long entityId,
            String summary) {
        static Event of(AuditEvent e) {
            return new Event(e.id, e.occurredAt, e.actorName, e.action, e.action.split("\\.", 2)[0], e.entityType, e.entityId,
                    e.summary);
        }
    }

    private static final Pattern SUBJECT = Pattern.compile("(claim|evidence|document):([0-9]{1,18})");

    @Inject
    VisibleHistory history;

    @Inject
    ClaimVisibility visibility;

    @Inject
    CurrentUser currentUser;

    @GET
    @PermitAll
    public RestResponse<List<Event>> history(@QueryParam("subject") String subject, @QueryParam("person") String person,
            @QueryParam("kind") String kind, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size, @Context UriInfo uri) {
        ApiPage paging = ApiPage.of(page, size, 50);
        VisibleHistory.Filter filter = VisibleHistory.Filter.of(subject(subject), person, kind, from, to);
        return paging.answer(history.page(filter, paging.offset(), paging.size()).stream().map(Event::of).toList(),
                history.count(filter), uri);
    }

    /** The subject asked for, once the caller may see it; none is the whole log, for curators only. */
    private VisibleHistory.Subject subject(String subject) {
        if (subject == null || subject.isBlank()) {
            if (!currentUser.loggedIn()) {
                throw new UnauthorizedException();
            }
            if (!currentUser.isEditor() && !currentUser.isReviewer() && !currentUser.isAdmin()) {
                throw new ForbiddenException("The whole history is for editors, reviewers and admins; ask for one subject.");
            }
            return null;
        }
        Matcher matcher = SUBJECT.matcher(subject.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new BadInput("subject: claim:<id>, evidence:<id> or document:<id>");
        }
        long id = Long.parseLong(matcher.group(2));
        return switch (matcher.group(1)) {
            case "claim" -> {
                visibility.require(app.crux.claim.Claim.findById(id), id);
                yield new VisibleHistory.Subject(VisibleHistory.SubjectType.CLAIM, id);
            }
            case "evidence" -> {
                Evidence evidence = Evidence.findById(id);
                if (evidence == null) {
                    throw new NotFoundException("No evidence " + id);
                }
                visibility.require(evidence.claim, "with evidence " + id);
                yield new VisibleHistory.Subject(VisibleHistory.SubjectType.EVIDENCE, id);
            }
            default -> {
                if (Document.findById(id) == null) {
                    throw new NotFoundException("No document " + id);
                }
                yield new VisibleHistory.Subject(VisibleHistory.SubjectType.DOCUMENT, id);
            }
        };
    }
}
