package app.crux.review;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import app.crux.account.User;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.jsoup.Jsoup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;

/**
 * A claim with one supporting and one conflicting passage, and two reviewers: B has rated
 * both (high with {@link #RATIONALE_SUPPORT}, low with {@link #RATIONALE_CONFLICT}); A has rated nothing.
 */
final class TwoReviewers {

    static final String SUPPORT = "Runners who stretched daily reported fewer hamstring strains over one season.";
    static final String CONFLICT = "Stretching before races made no difference to the injury count.";
    static final String RATIONALE_SUPPORT = "Cohort of club runners, rationale-s-" + System.nanoTime();
    static final String RATIONALE_CONFLICT = "Small survey only, rationale-c-" + System.nanoTime();

    final String unique = String.valueOf(System.nanoTime());
    final String statement = "Daily stretching prevents hamstring strains " + unique;
    final String tag = "blind-" + unique;
    final long claimId;
    final String slug;
    final long support;
    final long conflict;
    final User a = TestAccounts.create("blind-a", Role.REVIEWER);
    final User b = TestAccounts.create("blind-b", Role.REVIEWER);
    final String tokenA = TestAccounts.token(a);
    final String tokenB = TestAccounts.token(b);

    TwoReviewers() {
        var doc = TestApi.importText("Strain log " + unique, "Club season report " + unique + "\n\n" + SUPPORT + "\n\n" + CONFLICT);
        Map<String, Object> body = new HashMap<>();
        body.put("statement", statement);
        body.put("tags", List.of(tag));
        body.put("source", Map.of("documentId", doc.get("id"), "exact", SUPPORT));
        var claim = TestApi.asEditor().body(body).post("/api/claims").then().statusCode(201).extract();
        claimId = claim.<Number>path("id").longValue();
        slug = claim.path("slug");
        support = claim.<Number>path("evidence.id").longValue();
        conflict = TestApi.asEditor().body(Map.of("documentId", doc.get("id"), "stance", "CONFLICTS", "exact", CONFLICT))
                .post("/api/claims/" + claimId + "/evidence").then().statusCode(201).extract().<Number>path("id").longValue();
        vote(tokenB, support, Map.of("strength", "HIGH", "rationale", RATIONALE_SUPPORT)).then().statusCode(200);
        vote(tokenB, conflict, Map.of("strength", "LOW", "rationale", RATIONALE_CONFLICT)).then().statusCode(200);
    }

    String page() {
        return "/claims/" + slug;
    }

    static Response vote(String token, long evidence, Map<String, Object> body) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body)
                .put("/api/evidence/" + evidence + "/vote");
    }

    /** The page as {@code cookie}'s owner sees it (anonymous when null). */
    static String html(String cookie, String path) {
        var request = given();
        if (cookie != null) {
            request = request.cookie(SESSION_COOKIE, cookie);
        }
        return request.get(path).then().statusCode(200).extract().asString();
    }

    /** The CSRF cookie and the token the page's forms carry, for posting forms as a browser would. */
    record Csrf(String cookie, String token) {
    }

    static Csrf csrf(String session, String path) {
        var response = given().cookie(SESSION_COOKIE, session).get(path).then().statusCode(200).extract();
        String token = Jsoup.parse(response.asString()).select("input[name=csrf-token]").attr("value");
        return new Csrf(response.cookie("crux-csrf"), token);
    }
}
