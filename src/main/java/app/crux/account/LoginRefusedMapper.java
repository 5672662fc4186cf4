package app.crux.account;

import app.crux.web.ErrorPages;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

/**
 * A refused sign-in (wrong password, or throttled) leaves through the shared error answer. The mapper lives
 * here, not in {@code web}, because {@code web} knows no feature (ArchitectureTest).
 */
public class LoginRefusedMapper {

    @ServerExceptionMapper
    public Response loginRefused(LoginRefused e, HttpServerRequest request) {
        return ErrorPages.answer(request, 401, "Sign-in refused", e.getMessage(), List.of(), Map.of());
    }
}
