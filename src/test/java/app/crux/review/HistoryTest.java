package app.crux.review;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import app.crux.account.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static app.crux.review.TwoReviewers.html;
import static app.crux.review.TwoReviewers.vote;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * History everywhere: a claim's history with its evidence and ratings (blind rating for reviewers,
 * no rating events for readers), an evidence item's, /history's filters and pages, GET /api/history,
 * and who may ask for what.
 */
@QuarkusTest
class HistoryTest {

    @Test
    void aClaimsHistoryHoldsItsEvidenceAndRatingsAsBlindRatingAllows() {
        TwoReviewers f = new TwoReviewers();
        String ratedHigh = "Rated high on “" + f.statement + "”";
        String ratedLow = "Rated low on “" + f.statement + "”";
        String history = "/claims/" + f.slug + "/history";

        String editor = TestAccounts.login(TestAccounts.create("history-editor", Role.EDITOR));
        String byEditor = html(editor, history);
        assertTrue(byEditor.contains("evidence.create") && byEditor.contains(ratedHigh) && byEditor.contains(ratedLow), byEditor);
        assertEquals(5, api(TestApi.editorToken(), "subject=claim:" + f.claimId).getList("action").size(),
                "claim.create, two evidence.create, two vote.cast");

        // readers: the evidence, but no rating events, which would name reviewers and their choices
        String byReader = html(null, history);
        assertTrue(byReader.contains("evidence.create"));
        assertFalse(byReader.contains("vote.") || byReader.contains(f.b.username), byReader);
        List<String> readerActions = api(null, "subject=claim:" + f.claimId).getList("action");
        assertEquals(List.of("evidence.create", "evidence.create", "claim.create"), readerActions);
        assertFalse(html(null, "/evidence/" + f.support + "/history").contains("vote."));

        // a reviewer who has rated nothing sees no rating events; after rating one item, that item's only
        String a = TestAccounts.login(f.a);
        assertFalse(html(a, history).contains("vote."));
        assertFalse(api(f.tokenA, "subject=claim:" + f.claimId).getList("action").contains("vote.cast"));
        vote(f.tokenA, f.support, Map.of("strength", "MODERATE")).then().statusCode(200);
        String afterRating = html(a, history);
        assertTrue(afterRating.contains(ratedHigh) && afterRating.contains("Rated moderate on"), afterRating);
        assertFalse(afterRating.contains(ratedLow));
        assertTrue(html(a, "/evidence/" + f.support + "/history").contains(ratedHigh));
        assertFalse(html(a, "/evidence/" + f.conflict + "/history").contains(ratedLow));
        assertEquals(0, api(f.tokenA, "subject=evidence:" + f.conflict).getList("action").stream()
                .filter(action -> action.toString().startsWith("vote.")).count());
        assertEquals(2, api(f.tokenA, "subject=evidence:" + f.support + "&kind=vote").getList("action").size());
    }

    @Test
    void aRetractedClaimsHistoryIsMissingForAllButEditors() {
        TwoReviewers f = new TwoReviewers();
        TestApi.asEditor().post("/api/claims/" + f.claimId + "/retract").then().statusCode(200);
        String reviewer = TestAccounts.login(f.a);
        for (String session : new String[] {null, reviewer}) {
            page(session).get("/claims/" + f.slug + "/history").then().statusCode(404);
            page(session).get("/evidence/" + f.support + "/history").then().statusCode(404);
        }
        for (String token : new String[] {null, f.tokenA}) {
            apiRequest(token).get("/api/history?subject=claim:" + f.claimId).then().statusCode(404);
            apiRequest(token).get("/api/history?subject=evidence:" + f.support).then().statusCode(404);
        }
        apiRequest(TestApi.editorToken()).get("/api/history?subject=claim:" + f.claimId).then().statusCode(200)
                .body("action[0]", equalTo("claim.retract"));
        String editor = TestAccounts.login(TestAccounts.create("history-retracted", Role.EDITOR));
        page(editor).get("/evidence/" + f.support + "/history").then().statusCode(200);
        // the document's history names no event of the retracted claim for a reader
        long documentId = documentOf(f);
        String documentEvents = apiRequest(null).get("/api/history?subject=document:" + documentId).then().statusCode(200)
                .extract().asString();
        assertTrue(documentEvents.contains("document.create"));
        assertFalse(documentEvents.contains(f.statement), documentEvents);
    }

    @Test
    void theWholeHistoryFiltersByPersonKindAndDateAndPages() {
        User person = TestAccounts.create("history-person", Role.EDITOR);
        String token = TestAccounts.token(person);
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", "Bearer " + token).contentType("application/json")
                    .body(Map.of("title", "Filter notes " + i + " " + System.nanoTime(), "text", TestApi.unique("Filter text " + i)))
                    .post("/api/documents").then().statusCode(201);
        }
        String session = TestAccounts.login(person);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        var mine = Jsoup.parse(html(session, "/history?person=" + person.username + "&kind=document&from=" + today + "&to=" + today));
        assertEquals(3, mine.select("ol.timeline li").size(), mine.text());
        assertTrue(mine.select("ol.timeline .actor").eachText().stream().allMatch(person.username::equals));
        assertEquals(0, Jsoup.parse(html(session, "/history?person=" + person.username + "&kind=claim")).select("ol.timeline li").size());
        assertEquals(0, Jsoup.parse(html(session, "/history?person=" + person.username + "&from=" + tomorrow)).select("ol.timeline li").size());

        JsonPath firstPage = api(token, "person=" + person.username + "&kind=document&size=2");
        assertEquals(2, firstPage.getList("id").size());
        var headers = apiRequest(token).get("/api/history?person=" + person.username + "&kind=document&size=2&page=2")
                .then().statusCode(200).header("X-Total-Count", "3").header("Link", containsString("rel=\"prev\"")).extract();
        assertEquals(1, headers.jsonPath().getList("id").size());
        assertEquals("document", headers.jsonPath().getString("kind[0]"));

        // refused: what cannot be read, and the whole log to whoever does not curate
        page(session).get("/history?from=yesterday").then().statusCode(400);
        page(session).get("/history?kind=nonsense").then().statusCode(400);
        page(session).get("/history?from=" + tomorrow + "&to=" + today).then().statusCode(400);
        page(session).get("/history?from=99999-01-01").then().statusCode(400);
        page(session).get("/history?person=" + "x".repeat(500)).then().statusCode(400);
        apiRequest(token).get("/api/history?page=0").then().statusCode(400);
        apiRequest(token).get("/api/history?size=101").then().statusCode(400);
        apiRequest(token).get("/api/history?subject=claim").then().statusCode(400);
        apiRequest(token).get("/api/history?subject=claim:99999999999999999999").then().statusCode(400);
        apiRequest(token).get("/api/history?subject=claim:987654321").then().statusCode(404);
        apiRequest(null).get("/api/history").then().statusCode(401);
        String reader = TestAccounts.token(TestAccounts.create("history-reader"));
        apiRequest(reader).get("/api/history").then().statusCode(403);
        apiRequest(reader).get("/api/history?subject=document:987654321").then().statusCode(404);
    }

    private static long documentOf(TwoReviewers f) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                app.crux.evidence.Evidence.<app.crux.evidence.Evidence>findById(f.support).document.id);
    }

    private static JsonPath api(String token, String query) {
        return apiRequest(token).get("/api/history?" + query).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification apiRequest(String token) {
        return token == null ? given() : given().header("Authorization", "Bearer " + token);
    }

    private static RequestSpecification page(String session) {
        return session == null ? given().redirects().follow(false) : given().redirects().follow(false).cookie(SESSION_COOKIE, session);
    }
}
