package app.crux.account;

import io.quarkus.qute.TemplateExtension;

/** Addresses of account pages and of the forms that act on one user or token. */
public final class AccountPaths {

    private AccountPaths() {
    }

    public static final String LOGIN = "/login";
    public static final String ACCOUNT = "/account";
    public static final String USERS = "/admin/users";

    @TemplateExtension
    static String rolesPath(User user) {
        return USERS + "/" + user.id + "/roles";
    }

    @TemplateExtension
    static String disablePath(User user) {
        return USERS + "/" + user.id + "/disable";
    }

    @TemplateExtension
    static String enablePath(User user) {
        return USERS + "/" + user.id + "/enable";
    }

    @TemplateExtension
    static String revokePath(ApiToken token) {
        return ACCOUNT + "/tokens/" + token.id + "/revoke";
    }

    public static String apiUser(long id) {
        return "/api/users/" + id;
    }
}
