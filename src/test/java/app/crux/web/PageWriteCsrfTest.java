package app.crux.web;

import app.crux.Routes;
import app.crux.TestAccounts;
import app.crux.account.Role;
import app.crux.account.User;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page write (read from the resources by {@link Routes#pageWrites()}) as a signed-in admin who
 * is also editor and reviewer, so no role check stands in front: without the form's CSRF token,
 * with a wrong one, as text/plain and without a Content-Type, each is refused (403 or 415) and
 * no table changes.
 */
@QuarkusTest
class PageWriteCsrfTest {

    private static final String CSRF_COOKIE = "crux-csrf";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyPageWriteRefusesRequestsWithoutAValidTokenAndChangesNothing() {
        User admin = TestAccounts.create("csrf-walk-admin", Role.ADMIN, Role.EDITOR, Role.REVIEWER);
        User target = TestAccounts.create("csrf-walk-target", Role.EDITOR, Role.REVIEWER);
        String session = TestAccounts.login(admin);
        String csrf = csrfToken(session);
        String wrong = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
        List<Routes.Route> routes = Routes.pageWrites();
        assertTrue(routes.stream().anyMatch(r -> r.toString().equals("POST /admin/users/{id}/roles")), routes.toString());

        Map<String, String> before = TableChecksums.of(dataSource);
        List<String> wrongAnswers = new ArrayList<>();
        for (Routes.Route route : routes) {
            String path = route.path(name -> name.equals("id") ? String.valueOf(target.id) : "x");
            boolean multipart = route.consumes().stream().anyMatch(c -> c.startsWith("multipart/"));
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            route.inputs(Routes.Source.FORM).forEach(i -> fields.put(i.name(), "1"));
            List<String> cookies = List.of("Cookie: " + SESSION_COOKIE + "=" + session + "; " + CSRF_COOKIE + "=" + csrf);

            Map<String, RawHttp.Answer> answers = new java.util.LinkedHashMap<>();
            answers.put("no token", form(route.method(), path, cookies, fields, multipart));
            Map<String, String> withWrong = new java.util.LinkedHashMap<>(fields);
            withWrong.put("csrf-token", wrong);
            answers.put("wrong token", form(route.method(), path, cookies, withWrong, multipart));
            answers.put("text/plain", RawHttp.send(route.method(), path, plus(cookies, "Content-Type: text/plain"),
                    urlEncoded(fields).getBytes(StandardCharsets.UTF_8)));
            answers.put("no content type", RawHttp.send(route.method(), path, cookies, null));
            answers.put("JSON", RawHttp.send(route.method(), path, plus(cookies, "Content-Type: application/json"),
                    "{}".getBytes(StandardCharsets.UTF_8)));
            answers.forEach((how, answer) -> {
                if (answer.status() != 403 && answer.status() != 415) {
                    wrongAnswers.add(route + " (" + path + ") with " + how + " → " + answer);
                }
            });
        }
        assertEquals(List.of(), wrongAnswers);
        assertEquals(before, TableChecksums.of(dataSource), "a refused write changed a table");
        assertEquals(EnumSet.of(Role.EDITOR, Role.REVIEWER), rolesOf(target.id));
    }

    @Test
    void theRefusalSaysWhyInWords() {
        User admin = TestAccounts.create("csrf-words", Role.ADMIN);
        User target = TestAccounts.create("csrf-words-target", Role.EDITOR);
        String session = TestAccounts.login(admin);
        String csrf = csrfToken(session);
        RawHttp.Answer missing = form("POST", "/admin/users/" + target.id + "/roles",
                List.of("Cookie: " + SESSION_COOKIE + "=" + session + "; " + CSRF_COOKIE + "=" + csrf), Map.of("roles", "ADMIN"), false);
        assertEquals(403, missing.status(), missing.toString());
        assertTrue(missing.body().contains("security token is missing or out of date"), missing.body());
        RawHttp.Answer plain = RawHttp.send("POST", "/admin/users/" + target.id + "/roles",
                List.of("Cookie: " + SESSION_COOKIE + "=" + session + "; " + CSRF_COOKIE + "=" + csrf, "Content-Type: text/plain"),
                "roles=ADMIN".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, plain.status(), plain.toString());
        assertTrue(plain.body().contains("takes a form"), plain.body());
        assertEquals(EnumSet.of(Role.EDITOR), rolesOf(target.id));
    }

    /** The control: with the token from the page, the same route does change the roles (so the refusals above are not blanket). */
    @Test
    void withTheFormsTokenTheWriteGoesThrough() {
        User admin = TestAccounts.create("csrf-control", Role.ADMIN, Role.EDITOR, Role.REVIEWER);
        User target = TestAccounts.create("csrf-control-target", Role.EDITOR, Role.REVIEWER);
        String session = TestAccounts.login(admin);
        String csrf = csrfToken(session);
        List<String> cookies = List.of("Cookie: " + SESSION_COOKIE + "=" + session + "; " + CSRF_COOKIE + "=" + csrf);
        RawHttp.Answer ok = form("POST", "/admin/users/" + target.id + "/roles", cookies,
                Map.of("roles", "REVIEWER", "csrf-token", csrf), false);
        assertEquals(303, ok.status(), ok.toString());
        assertEquals(EnumSet.of(Role.REVIEWER), rolesOf(target.id));
        // and as multipart, which quarkus-rest-csrf verifies too
        RawHttp.Answer multipart = form("POST", "/admin/users/" + target.id + "/roles", cookies,
                Map.of("roles", "EDITOR", "csrf-token", csrf), true);
        assertEquals(303, multipart.status(), multipart.toString());
        assertEquals(EnumSet.of(Role.EDITOR), rolesOf(target.id));
        RawHttp.Answer multipartNoToken = form("POST", "/admin/users/" + target.id + "/roles", cookies,
                Map.of("roles", "ADMIN"), true);
        assertEquals(403, multipartNoToken.status(), multipartNoToken.toString());
        assertEquals(EnumSet.of(Role.EDITOR), rolesOf(target.id));
    }

    /** The login POST is Quarkus' own, outside quarkus-rest-csrf: it is guarded by Origin / Referer instead. */
    @Test
    void theLoginFormRefusesPostsFromOtherOrigins() {
        for (String[] header : new String[][] {{"Origin", "https://evil.example"}, {"Origin", "null"},
                {"Referer", "https://evil.example/page"}, {"Origin", "http://localhost.evil.example"}}) {
            var response = given().redirects().follow(false).header(header[0], header[1])
                    .formParam("username", TestAccounts.ADMIN).formParam("password", TestAccounts.ADMIN_PASSWORD)
                    .post("/j_security_check");
            assertTrue(response.cookie(SESSION_COOKIE) == null || response.cookie(SESSION_COOKIE).isEmpty(),
                    header[0] + ": " + header[1] + " signed in");
        }
    }

    static String csrfToken(String session) {
        String token = given().cookie(SESSION_COOKIE, session).get("/account").then().statusCode(200).extract().cookie(CSRF_COOKIE);
        assertTrue(token != null && !token.isBlank(), "no CSRF cookie from /account");
        return token;
    }

    private static Set<Role> rolesOf(long userId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            User user = User.findById(userId);
            return user.roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles);
        });
    }

    private static RawHttp.Answer form(String method, String path, List<String> headers, Map<String, String> fields, boolean multipart) {
        if (!multipart) {
            return RawHttp.send(method, path, plus(headers, "Content-Type: application/x-www-form-urlencoded"),
                    urlEncoded(fields).getBytes(StandardCharsets.UTF_8));
        }
        String boundary = "crux-test-boundary-" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return RawHttp.send(method, path, plus(headers, "Content-Type: multipart/form-data; boundary=" + boundary),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String urlEncoded(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static List<String> plus(List<String> headers, String header) {
        List<String> all = new ArrayList<>(headers);
        all.add(header);
        return all;
    }
}
