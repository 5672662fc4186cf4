package app.crux.web;

import app.crux.disagreement.HomePages;
import app.crux.Routes;
import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import app.crux.account.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reviewer's session cookie must never carry an API write, however the path is spelt
 * (matrix parameters, encoded ';', doubled slashes, dot segments, upper case): the class of
 * CVE-2026-39852, where routing and a path-based check read the same path differently.
 */
@QuarkusTest
class PathTricksTest {

    private static final String TEXT = "Stretching\n\nStatic stretching before a sprint lowers peak power for a short while.";
    private static final String PASSAGE = "Static stretching before a sprint lowers peak power";

    @Test
    void aSessionCookieNeverVotesThroughTheApiWhateverThePathLooksLike() {
        long evidence = newEvidence();
        User reviewer = TestAccounts.create("path-reviewer", Role.REVIEWER);
        String cookie = "Cookie: " + SESSION_COOKIE + "=" + TestAccounts.login(reviewer);
        byte[] body = "{\"strength\":\"HIGH\"}".getBytes(StandardCharsets.UTF_8);
        List<String> json = List.of(cookie, "Content-Type: application/json", "Accept: application/json");

        List<String> matrix = List.of(
                "/api;x/evidence/" + evidence + "/vote",
                "/api%3Bx/evidence/" + evidence + "/vote",
                "/api%3bx/evidence/" + evidence + "/vote",
                "/api/evidence/" + evidence + ";x/vote",
                "/api/evidence/" + evidence + "/vote;x",
                "/api/evidence;/" + evidence + "/vote",
                "/api/evidence/" + evidence + "/vote%3B");
        List<String> other = List.of(
                "/api/evidence/" + evidence + "/vote",
                "//api/evidence/" + evidence + "/vote",
                "/./api/evidence/" + evidence + "/vote",
                "/api/../api/evidence/" + evidence + "/vote",
                "/api/./evidence/" + evidence + "/vote",
                "/x/../api/evidence/" + evidence + "/vote",
                "/API/evidence/" + evidence + "/vote",
                "/Api/evidence/" + evidence + "/vote",
                "/api//evidence/" + evidence + "/vote",
                "/%61pi/evidence/" + evidence + "/vote");
        List<String> wrong = new ArrayList<>();
        for (String path : matrix) {
            RawHttp.Answer answer = RawHttp.send("PUT", path, json, body);
            if (answer.status() != 400) {
                wrong.add("PUT " + path + " → " + answer);
            }
        }
        for (String path : other) {
            RawHttp.Answer answer = RawHttp.send("PUT", path, json, body);
            if (!Set.of(400, 401, 404).contains(answer.status())) {
                wrong.add("PUT " + path + " → " + answer);
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(0, votesOn(evidence));

        // the control: the same write with a bearer token is accepted, so the refusals above are about the cookie
        RawHttp.Answer bearer = RawHttp.send("PUT", "/api/evidence/" + evidence + "/vote",
                List.of("Authorization: Bearer " + TestAccounts.token(reviewer), "Content-Type: application/json"), body);
        assertEquals(200, bearer.status(), bearer.toString());
        assertEquals(1, votesOn(evidence));
    }

    @Test
    void aSemicolonIsRefusedEverywhereBeforeAnythingElse() {
        for (String path : List.of("/css/crux.css;x", "/claims;x", "/login;jsessionid=abc", "/j_security_check;x", "/q/health;x",
                "/%3B", "/claims%3bx?q=1")) {
            RawHttp.Answer answer = RawHttp.send("GET", path, List.of("Accept: text/html"), null);
            assertEquals(400, answer.status(), path + " → " + answer);
            assertTrue(answer.body().contains("does not accept"), answer.body());
        }
        RawHttp.Answer api = RawHttp.send("GET", "/api;x/contested", List.of(), null);
        assertEquals(400, api.status(), api.toString());
        assertTrue(api.body().contains("\"error\""), api.body());
        // a ';' in the query string is data, not a path trick
        RawHttp.Answer query = RawHttp.send("GET", "/search?q=a%3Bb;c", List.of("Accept: text/html"), null);
        assertEquals(200, query.status(), query.toString());
    }

    @Test
    void apiResourcesAreTheClassesNamedApiAndLiveUnderApi() {
        for (Routes.Route route : Routes.all()) {
            Class<?> type = route.handler().getDeclaringClass();
            assertEquals(route.api(), Resources.isApi(type), route + " in " + type.getSimpleName());
        }
        assertFalse(Resources.isApi(HomePages.class));
    }

    @Test
    void theMatrixCheckReadsOnlyThePath() {
        assertTrue(PathGuard.hasMatrixParameter("/api;x/claims"));
        assertTrue(PathGuard.hasMatrixParameter("/api%3bx/claims"));
        assertTrue(PathGuard.hasMatrixParameter("/a%3B"));
        assertFalse(PathGuard.hasMatrixParameter("/search?q=a;b"));
        assertFalse(PathGuard.hasMatrixParameter("/search?q=%3B"));
        assertFalse(PathGuard.hasMatrixParameter("/claims/x#a;b"));
    }

    private static long newEvidence() {
        var doc = TestApi.importText("Stretching " + System.nanoTime(), TestApi.unique(TEXT));
        return TestApi.createClaim("Stretching lowers sprint power " + System.nanoTime(), doc.get("id"), PASSAGE)
                .then().statusCode(201).extract().<Number>path("evidence.id").longValue();
    }

    private static long votesOn(long evidence) {
        return QuarkusTransaction.requiringNew().call(() -> app.crux.review.Vote.count("id.evidenceId", evidence));
    }
}
