package app.crux.review;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import app.crux.account.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class VoteTest {

    private static final String TEXT = "Desk posture\n\nSitting for hours stiffens the hips, and short walking breaks undo much of it.";
    private static final String PASSAGE = "short walking breaks undo much of it";

    @Test
    void votingReplacingAndDisputingMoveTheWeight() {
        long evidence = newEvidence();
        String alice = reviewerToken("alice");
        vote(alice, evidence, Map.of("strength", "HIGH", "rationale", "Direct and clear.")).then().statusCode(200)
                .body("replaced", equalTo(false)).body("tally.high", equalTo(1));
        assertWeight(evidence, 4.0f, 1);
        vote(alice, evidence, Map.of("strength", "LOW")).then().statusCode(200).body("replaced", equalTo(true))
                .body("tally.high", equalTo(0)).body("tally.low", equalTo(1));
        assertWeight(evidence, 2.0f, 1);
        String bob = reviewerToken("bob");
        vote(bob, evidence, Map.of("strength", "MODERATE", "disputesStance", true)).then().statusCode(200);
        assertWeight(evidence, 2.5f, 2); // one of two disputes: not a majority
        String carol = reviewerToken("carol");
        vote(carol, evidence, Map.of("strength", "HIGH", "disputesStance", true)).then().statusCode(200);
        assertWeight(evidence, 0f, 3); // two of three dispute the stance: it counts 0
    }

    @Test
    void onlyReviewersVote() {
        long evidence = newEvidence();
        given().contentType(ContentType.JSON).body(Map.of("strength", "HIGH")).put("/api/evidence/" + evidence + "/vote")
                .then().statusCode(401);
        vote(TestApi.editorToken(), evidence, Map.of("strength", "HIGH")).then().statusCode(403);
    }

    @Test
    void anUnknownStrengthIsRefused() {
        long evidence = newEvidence();
        vote(reviewerToken("dave"), evidence, Map.of("strength", "EXCELLENT")).then().statusCode(400)
                .body("error", containsString("Unknown strength"));
        vote(reviewerToken("erin"), 987654321L, Map.of("strength", "HIGH")).then().statusCode(404);
    }

    @Test
    void ratingIsBlindUntilTheReviewerHasRated() {
        long evidence = newEvidence();
        vote(reviewerToken("first"), evidence, Map.of("strength", "VERY_LOW", "rationale", "Secret reasoning here")).then().statusCode(200);
        User second = TestAccounts.create("second", Role.REVIEWER);
        String token = TestAccounts.token(second);
        given().header("Authorization", "Bearer " + token).get("/api/evidence/" + evidence + "/votes").then()
                .body("hidden", equalTo(true)).body("votes", hasSize(0));
        String cookie = TestAccounts.login(second);
        String claimPage = claimPageOf(evidence);
        given().cookie(SESSION_COOKIE, cookie).get(claimPage).then().statusCode(200)
                .body(not(containsString("Secret reasoning here"))).body(containsString("Your rating is blind"));
        given().cookie(SESSION_COOKIE, cookie).get("/reviewers/" + firstReviewer).then()
                .body(not(containsString("Very low"))).body(containsString("stay hidden"));
        // readers see aggregates and rationales as usual
        given().get(claimPage).then().body(containsString("Secret reasoning here"));

        vote(token, evidence, Map.of("strength", "LOW")).then().statusCode(200);
        given().header("Authorization", "Bearer " + token).get("/api/evidence/" + evidence + "/votes").then()
                .body("hidden", equalTo(false)).body("votes", hasSize(2));
        given().cookie(SESSION_COOKIE, cookie).get(claimPage).then().body(containsString("Secret reasoning here"));
    }

    @Test
    void theAdminRecomputeGivesTheSameScoresAsTheIncrementalWrites() {
        long evidence = newEvidence();
        vote(reviewerToken("r1"), evidence, Map.of("strength", "MODERATE")).then().statusCode(200);
        vote(reviewerToken("r2"), evidence, Map.of("strength", "LOW", "disputesStance", true)).then().statusCode(200);
        long claim = lookupClaim(evidence);
        Map<String, Object> before = given().get("/api/claims/" + claim).then().extract().as(Map.class);
        String admin = TestAccounts.token(TestAccounts.create("recompute-admin", Role.ADMIN));
        given().header("Authorization", "Bearer " + admin).contentType(ContentType.JSON).body("{}")
                .post("/api/admin/recompute-scores").then().statusCode(200);
        Map<String, Object> after = given().get("/api/claims/" + claim).then().extract().as(Map.class);
        org.junit.jupiter.api.Assertions.assertEquals(before, after);
    }

    private static String firstReviewer;

    private static String reviewerToken(String name) {
        User reviewer = TestAccounts.create(name, Role.REVIEWER);
        if (name.equals("first")) {
            firstReviewer = reviewer.username;
        }
        return TestAccounts.token(reviewer);
    }

    private static io.restassured.response.Response vote(String token, long evidence, Map<String, Object> body) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body)
                .put("/api/evidence/" + evidence + "/vote");
    }

    private static long newEvidence() {
        var doc = TestApi.importText("Posture " + System.nanoTime(), TestApi.unique(TEXT));
        return TestApi.createClaim("Walking breaks undo sitting " + System.nanoTime(), doc.get("id"), PASSAGE)
                .then().statusCode(201).extract().<Number>path("evidence.id").longValue();
    }

    private static final Map<Long, Long> CLAIMS = new java.util.concurrent.ConcurrentHashMap<>();

    private static long lookupClaim(long evidence) {
        return CLAIMS.computeIfAbsent(evidence, e -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((app.crux.evidence.Evidence) app.crux.evidence.Evidence.findById(e)).claim.id));
    }

    private static String claimPageOf(long evidence) {
        long claim = lookupClaim(evidence);
        return "/claims/" + given().get("/api/claims/" + claim).then().extract().path("slug");
    }

    private static void assertWeight(long evidence, float weight, int votes) {
        long claim = lookupClaim(evidence);
        given().get("/api/claims/" + claim).then().statusCode(200)
                .body("supports[0].weight", equalTo(weight)).body("supports[0].voteCount", equalTo(votes))
                .body("supportWeight", equalTo(weight));
    }
}
