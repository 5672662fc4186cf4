package app.crux.account;

import app.crux.web.HtmlPage;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import app.crux.web.CurrentUser;
import app.crux.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.smallrye.common.annotation.Blocking;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Admins add people, change their roles and disable accounts. */
@Blocking
@Path("/admin/users")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class UserAdminPages {

    private static final URI SELF = URI.create(AccountPaths.USERS);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<User> users, List<Role> allRoles, NewUserForm form, List<String> problems);
    }

    /** What the add-person form sent, to show it again next to its problems (never the password). */
    public record NewUserForm(String username, String displayName, Set<Role> roles) {
        static final NewUserForm EMPTY = new NewUserForm("", "", EnumSet.noneOf(Role.class));
    }

    @Inject
    AccountService accounts;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance list() {
        return page(NewUserForm.EMPTY, List.of());
    }

    @POST
    public Object create(@RestForm String username, @RestForm String displayName, @RestForm String password,
            @RestForm List<String> roles) {
        Set<Role> chosen = Roles.parse(roles);
        try {
            User user = accounts.create(new AccountService.NewUser(username, displayName, password, chosen));
            return Flash.redirect(SELF, "Added " + user.username + ". Give them their password through a safe channel.");
        } catch (BadInput | Conflict e) {
            List<String> problems = BadInput.problems(e);
            var form = new NewUserForm(username, displayName, chosen);
            return HtmlPage.status(e instanceof Conflict ? 409 : 400, page(form, problems));
        }
    }

    @POST
    @Path("{id}/roles")
    public Response changeRoles(@PathParam("id") long id, @RestForm List<String> roles) {
        try {
            accounts.changeRoles(id, Roles.parse(roles), currentUser.id());
            return Flash.redirect(SELF, "Roles of " + accounts.find(id).username + " saved.");
        } catch (BadInput e) {
            return Flash.redirect(SELF, Flash.Kind.ALERT, e.getMessage());
        }
    }

    @POST
    @Path("{id}/disable")
    public Response disable(@PathParam("id") long id) {
        try {
            accounts.setEnabled(id, false, currentUser.id());
            return Flash.redirect(SELF, accounts.find(id).username + " is disabled, signed out everywhere, and their API tokens are revoked.");
        } catch (BadInput e) {
            return Flash.redirect(SELF, Flash.Kind.ALERT, e.getMessage());
        }
    }

    @POST
    @Path("{id}/enable")
    public Response enable(@PathParam("id") long id) {
        accounts.setEnabled(id, true, currentUser.id());
        return Flash.redirect(SELF, accounts.find(id).username + " can sign in again.");
    }

    private TemplateInstance page(NewUserForm form, List<String> problems) {
        return Templates.users(User.listByUsername(), List.of(Role.values()), form, problems);
    }
}
