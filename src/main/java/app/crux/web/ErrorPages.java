package app.crux.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One mapper per kind of failure, answering a friendly page or {@code {"error": ...}} JSON for /api. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message, List<String> details);

        /** The same error, without the layout: for refusals before routing, where no user or session exists yet. */
        static native TemplateInstance early(int status, String title, String message);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        if (Requests.wantsJson(request)) {
            return json(401, "Sign in first: send 'Authorization: Bearer <token>' (POST /api/auth/token gives one).", List.of(), Map.of());
        }
        var login = Response.seeOther(URI.create(app.crux.account.AccountPaths.LOGIN));
        if (request.method() == HttpMethod.GET) {
            // the form login brings people back here afterwards
            login.cookie(new NewCookie.Builder("crux-return-to").value(request.absoluteURI()).path("/")
                    .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build());
        }
        return login.build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return answer(request, 403, "Not allowed", "Your account does not have the role this needs. An admin can grant it.", List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        return answer(request, 404, "Not found", "There is nothing at this address. It may have been moved or never existed.", List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response badInput(BadInput e, HttpServerRequest request) {
        return answer(request, 400, "Cannot use this input", e.getMessage(), e.details, Map.of());
    }

    /**
     * Bean Validation on API bodies and form records ({@code @Valid}): one problem says itself as the error,
     * several are listed field by field. Also the answer for Quarkus' own subclass of the exception.
     */
    @ServerExceptionMapper({ConstraintViolationException.class, io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException.class})
    public Response invalid(ConstraintViolationException e, HttpServerRequest request) {
        var violations = e.getConstraintViolations();
        List<String> details = violations.stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage()).sorted().toList();
        String message = violations.size() == 1 ? violations.iterator().next().getMessage() : "Some fields are not valid.";
        return answer(request, 400, "Cannot use this input", message, details, Map.of());
    }

    /** Never echoes the parser's text: it names Java classes and quotes the input back. */
    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, HttpServerRequest request) {
        var location = e.getLocation();
        List<String> details = location == null || location.getLineNr() < 0 ? List.of()
                : List.of("at line " + location.getLineNr() + ", column " + location.getColumnNr());
        return answer(request, 400, "Cannot read this input", "The request body is not valid JSON for this endpoint.",
                details, Map.of());
    }

    /** A field of the wrong type ("tags": "x" where a list is expected); replaces Quarkus' own answer, which has no "error". */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, HttpServerRequest request) {
        String field = fieldOf(e);
        return answer(request, 400, "Cannot read this input", "The request body has a value of the wrong type in " + field + ".",
                List.of(field + ": wrong type"), Map.of());
    }

    /** A number in the address or a form that does not fit (99999999999999999999) or is not a number. */
    @ServerExceptionMapper
    public Response badNumber(NumberFormatException e, HttpServerRequest request) {
        return answer(request, 400, "Cannot use this input",
                "A number in this request is not a whole number Crux can use (too large, or not a number).", List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response conflict(Conflict e, HttpServerRequest request) {
        return answer(request, 409, "Conflict", e.getMessage(), List.of(), e.fields);
    }

    @ServerExceptionMapper
    public Response preconditionFailed(PreconditionFailed e, HttpServerRequest request) {
        return answer(request, 412, "Precondition failed", e.getMessage(), List.of(), e.fields);
    }

    @ServerExceptionMapper
    public Response quoteNotFound(QuoteNotFound e, HttpServerRequest request) {
        return answer(request, 422, "Passage not found", e.getMessage(), List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response staleEdit(OptimisticLockException e, HttpServerRequest request) {
        return answer(request, 409, "Changed meanwhile", "Someone else changed this in the meantime; reload to see their version.", List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response other(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, request);
        }
        if (status >= 500) {
            return unexpected(e, request);
        }
        // the framework's own messages name parameters, classes and values: say it in our words
        return answer(request, status, Response.Status.fromStatusCode(status) == null ? "Request refused"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), Refusals.message(status), List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (DatabaseUnavailable.causedBy(e)) {
            // the database restarting or every connection busy: the same request works in a few seconds
            return Response.fromResponse(answer(request, 503, DatabaseUnavailable.TITLE, DatabaseUnavailable.MESSAGE,
                    List.of(), Map.of())).header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        String state = sqlState(e);
        if (state != null && state.startsWith("22")) {
            // data exception: e.g. a NUL character or a value out of range that slipped past validation
            return answer(request, 400, "Cannot store this input", "Some of the text or numbers cannot be stored "
                    + "(an invisible control character, or a value out of range). Nothing was saved.", List.of(), Map.of());
        }
        if (state != null && (state.startsWith("23") || state.startsWith("40"))) {
            // 40: a deadlock or serialization failure between two writers; the loser is rolled back whole
            // integrity: two requests raced to create the same thing
            return answer(request, 409, "Conflict", "This clashes with something saved at the same moment; reload and try again.",
                    List.of(), Map.of());
        }
        if (brokenPercentEscape(e)) {
            return answer(request, 400, "Cannot read this input", "The form holds a broken %-escape (such as '%zz' or a "
                    + "lone '%'), so it cannot be read. Nothing was saved.", List.of(), Map.of());
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected failure %s on %s %s", reference, request.method(), request.path());
        return answer(request, 500, "Something went wrong",
                "Crux could not finish this request; nothing was half-saved. Reference " + reference + ".", List.of(), Map.of());
    }

    public static Response answer(HttpServerRequest request, int status, String title, String message, List<String> details,
            Map<String, Object> fields) {
        if (Requests.wantsJson(request)) {
            return json(status, message, details, fields);
        }
        return HtmlPage.status(status, Templates.error(status, title, message, details));
    }

    /**
     * Answers a request refused by a route filter before routing (body limit, path guard), where
     * neither templates nor JAX-RS responses exist yet. {@code message} is fixed text, never input.
     */
    static void refuseEarly(io.vertx.ext.web.RoutingContext context, int status, String title, String message, boolean json) {
        var response = context.response().setStatusCode(status);
        if (json) {
            response.putHeader("Content-Type", "application/json")
                    .end(io.vertx.core.json.Json.encode(new ErrorBody(message, List.of())));
        } else {
            response.putHeader("Content-Type", "text/html; charset=UTF-8").end(Templates.early(status, title, message).render());
        }
    }

    /** The JSON error answer's fixed part; mappers add fields such as {@code existingId} or {@code current}. */
    public record ErrorBody(String error, List<String> details) {
    }

    public static Response json(int status, String message, List<String> details, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("details", details);
        body.putAll(fields);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** RESTEasy Reactive decodes an urlencoded form body with URLUtils, which throws IllegalArgumentException on "%zz". */
    private static boolean brokenPercentEscape(Throwable e) {
        return e instanceof IllegalArgumentException && e.getStackTrace().length > 0
                && e.getStackTrace()[0].getClassName().equals("org.jboss.resteasy.reactive.common.util.URLUtils");
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /** The JSON field name only, never a Java property path or class. */
    private static String fieldOf(com.fasterxml.jackson.databind.JsonMappingException e) {
        for (int i = e.getPath().size() - 1; i >= 0; i--) {
            String name = e.getPath().get(i).getFieldName();
            if (name != null) {
                return name.replaceAll("[^A-Za-z0-9_-]", "");
            }
        }
        return "the body";
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
