package app.crux.account;

import app.crux.web.HtmlPage;
import app.crux.web.BadInput;
import app.crux.web.CurrentUser;
import app.crux.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.smallrye.common.annotation.Blocking;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.List;

/** A person's own account: password, API tokens, signing out everywhere. */
@Blocking
@Path("/account")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AccountPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(User user, List<ApiToken> tokens, ApiTokenService.Issued issued,
                List<String> passwordProblems);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountService accounts;

    @Inject
    ApiTokenService tokens;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    @GET
    public TemplateInstance show() {
        return page(null, List.of());
    }

    @POST
    @Path("password")
    public Object changePassword(@RestForm String current, @RestForm String password, @RestForm String confirm) {
        if (password == null || !password.equals(confirm)) {
            return HtmlPage.status(400, page(null, List.of("The two new passwords are not the same.")));
        }
        try {
            accounts.changePassword(currentUser.id(), current, password);
        } catch (BadInput e) {
            return HtmlPage.status(400, page(null, BadInput.problems(e)));
        }
        // the change ended every session, this one included
        return Flash.redirect(URI.create(AccountPaths.LOGIN), "Password changed. Sign in with the new one.");
    }

    /** Shows the new token in this response only: it is never stored in readable form. */
    @POST
    @Path("tokens")
    public TemplateInstance createToken(@RestForm String name) {
        return page(tokens.issue(currentUser.id(), name), List.of());
    }

    @POST
    @Path("tokens/{id}/revoke")
    public Response revokeToken(@PathParam("id") long id) {
        tokens.revoke(currentUser.id(), id);
        return Flash.redirect(URI.create(AccountPaths.ACCOUNT), "Token revoked; clients using it are refused from now on.");
    }

    /** Ends every session (this one included) and revokes every API token of the account. */
    @POST
    @Path("sign-out-everywhere")
    public Response signOutEverywhere() {
        accounts.signOutEverywhere(currentUser.id());
        Response signedOut = Flash.redirect(URI.create(AccountPaths.LOGIN),
                "You are signed out everywhere, and your API tokens are revoked.");
        return Response.fromResponse(signedOut)
                .cookie(new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true).build())
                .build();
    }

    private TemplateInstance page(ApiTokenService.Issued issued, List<String> passwordProblems) {
        User user = accounts.find(currentUser.id());
        return Templates.account(user, ApiToken.ownedBy(user), issued, passwordProblems);
    }
}
