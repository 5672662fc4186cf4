package app.crux.account;

import app.crux.web.CurrentUser;
import app.crux.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.smallrye.common.annotation.Blocking;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.List;

/** Sign in (the form posts to Quarkus' /j_security_check) and sign out. */
@Blocking
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, List<DemoAccounts.Credentials> demoAccounts);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountService accounts;

    @Inject
    DemoAccounts demoAccounts;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    @GET
    @Path("login")
    @PermitAll
    public Object login(@QueryParam("error") String error) {
        if (currentUser.loggedIn()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Templates.login(error != null, demoAccounts.usable());
    }

    /** Ends every session of this account on the server, then drops the browser's cookie. */
    @POST
    @Path("logout")
    @Authenticated
    public Response logout() {
        accounts.endSessions(currentUser.id());
        Response signedOut = Flash.redirect(URI.create("/"), "You are signed out.");
        return Response.fromResponse(signedOut)
                .cookie(new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true).build())
                .build();
    }
}
