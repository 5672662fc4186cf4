package app.crux.document.importing;

import app.crux.web.ErrorPages;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

/** An import refusal answered like every other error: a page, or JSON for /api. */
public class ImportRefusals {

    @ServerExceptionMapper
    public Response refused(ImportRefused e, HttpServerRequest request) {
        return ErrorPages.answer(request, e.status(), "Cannot import this", e.getMessage(), List.of(), Map.of("reason", e.reason.name()));
    }
}
