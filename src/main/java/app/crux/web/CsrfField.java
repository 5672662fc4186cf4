package app.crux.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CSRF token for the one form tag ({@code templates/tags/form.html}), the only
 * reader of it. quarkus-rest-csrf's own {@code inject:csrf} throws when its filter
 * has not run (an error page for a request refused before any resource), which
 * would break the layout's sign-out form; this bean answers "no token" instead.
 */
@Named("csrfField")
@RequestScoped
public class CsrfField {

    @Inject
    CurrentVertxRequest request;

    /** Where quarkus-rest-csrf's filter leaves the token (read from its CsrfTokenParameterProvider). */
    private static final String ATTRIBUTE = "csrf_token";

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name")
    String name;

    public String name() {
        return name;
    }

    public String token() {
        var context = request.getCurrent();
        Object token = context == null ? null : context.get(ATTRIBUTE);
        return token == null ? null : token.toString();
    }

    public boolean present() {
        return token() != null;
    }
}
