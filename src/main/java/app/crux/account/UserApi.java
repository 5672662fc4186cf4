package app.crux.account;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;

/** {@code POST /api/users}: admins add accounts from scripts. */
@Path("/api/users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserApi {

    public record NewUserRequest(String username, String displayName, String password, List<String> roles) {
    }

    public record UserView(long id, String username, String displayName, List<String> roles, boolean enabled) {
        static UserView of(User user) {
            return new UserView(user.id, user.username, user.displayName,
                    user.roles.stream().map(Enum::name).sorted().toList(), user.enabled);
        }
    }

    @Inject
    AccountService accounts;

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @APIResponse(responseCode = "201", description = "Created; Location names it.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    public RestResponse<UserView> create(@Valid @NotNull(message = "Send {username, displayName, password, roles}.") NewUserRequest request) {
        User user = accounts.create(new AccountService.NewUser(request.username(), request.displayName(),
                request.password(), Roles.parse(request.roles())));
        return RestResponse.ResponseBuilder.<UserView>created(URI.create(AccountPaths.apiUser(user.id))).entity(UserView.of(user)).build();
    }
}
