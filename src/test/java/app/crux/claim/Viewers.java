package app.crux.claim;

import app.crux.TestAccounts;
import app.crux.account.Role;
import app.crux.account.User;
import io.restassured.specification.RequestSpecification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;

/** The people who look at claims: each with a browser session and an API token (anonymous has neither). Signed in once per run. */
final class Viewers {

    /** Everyone who must not see drafts and retracted claims. Admins without the editor role are readers of claims. */
    static final List<String> READERS = List.of("anonymous", "reader", "reviewer", "admin");

    record Viewer(String name, User user, String cookie, String token) {
        RequestSpecification page() {
            RequestSpecification request = given().redirects().follow(false);
            return cookie == null ? request : request.cookie(SESSION_COOKIE, cookie);
        }

        RequestSpecification api() {
            RequestSpecification request = given().redirects().follow(false);
            return token == null ? request : request.header("Authorization", "Bearer " + token);
        }
    }

    private static Map<String, Viewer> all;

    private Viewers() {
    }

    static synchronized Viewer get(String name) {
        if (all == null) {
            all = new LinkedHashMap<>();
            all.put("anonymous", new Viewer("anonymous", null, null, null));
            add("reader", TestAccounts.create("vis-reader"));
            add("reviewer", TestAccounts.create("vis-reviewer", Role.REVIEWER));
            add("admin", TestAccounts.create("vis-admin", Role.ADMIN));
            add("editor", TestAccounts.create("vis-editing", Role.EDITOR));
        }
        return all.get(name);
    }

    private static void add(String name, User user) {
        all.put(name, new Viewer(name, user, TestAccounts.login(user), TestAccounts.token(user)));
    }
}
