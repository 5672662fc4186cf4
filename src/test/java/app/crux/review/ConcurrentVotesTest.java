package app.crux.review;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import app.crux.score.ClaimScore;
import app.crux.score.ScoreKeeper;
import app.crux.evidence.Evidence;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Many reviewers at once: nothing lost, and the stored aggregates equal a recomputation. */
@QuarkusTest
class ConcurrentVotesTest {

    private static final int REVIEWERS = 50;
    private static final int VOTES_EACH = 3;
    private static final String[] STRENGTHS = {"HIGH", "MODERATE", "LOW", "VERY_LOW"};

    @Inject
    ScoreKeeper scores;

    @Test
    void fiftyReviewersVotingAtOnceLeaveExactlyFiftyVotesAndConsistentScores() throws Exception {
        var doc = TestApi.importText("Concurrency " + System.nanoTime(),
                TestApi.unique("Load\n\nEccentric hamstring work lowers strain injuries in footballers.\n\nOthers doubt it."));
        long claim = TestApi.createClaim("Eccentric work prevents strains " + System.nanoTime(), doc.get("id"),
                "Eccentric hamstring work lowers strain injuries in footballers.").then().statusCode(201)
                .extract().<Number>path("id").longValue();
        long evidence = given().get("/api/claims/" + claim).then().extract().<Number>path("supports[0].id").longValue();
        TestApi.asEditor().body(Map.of("documentId", doc.get("id"), "stance", "CONFLICTS", "exact", "Others doubt it."))
                .post("/api/claims/" + claim + "/evidence").then().statusCode(201);

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < REVIEWERS; i++) {
            tokens.add(TestAccounts.token(TestAccounts.create("crowd", Role.REVIEWER)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < REVIEWERS; i++) {
                String token = tokens.get(i);
                Random random = new Random(i);
                tasks.add(() -> {
                    int ok = 0;
                    for (int v = 0; v < VOTES_EACH; v++) {
                        ok += given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                                .body(Map.of("strength", STRENGTHS[random.nextInt(4)], "disputesStance", random.nextInt(5) == 0))
                                .put("/api/evidence/" + evidence + "/vote").statusCode() == 200 ? 1 : 0;
                    }
                    return ok;
                });
            }
            int succeeded = 0;
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                succeeded += result.get();
            }
            assertEquals(REVIEWERS * VOTES_EACH, succeeded);
        } finally {
            pool.shutdown();
        }

        long votes = QuarkusTransaction.requiringNew().call(() -> Vote.count("id.evidenceId", evidence));
        assertEquals(REVIEWERS, votes);
        Snapshot stored = snapshot(claim, evidence);
        QuarkusTransaction.requiringNew().run(() -> scores.recompute(claim));
        Snapshot recomputed = snapshot(claim, evidence);
        assertEquals(recomputed, stored);
        assertEquals(REVIEWERS, stored.voteCount());
    }

    record Snapshot(BigDecimal weight, int evidenceVotes, int disputes, BigDecimal support, BigDecimal conflict,
            BigDecimal contestedness, String verdict, int voteCount) {
    }

    private static Snapshot snapshot(long claim, long evidence) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Evidence e = Evidence.findById(evidence);
            ClaimScore s = ClaimScore.findById(claim);
            return new Snapshot(e.weight.stripTrailingZeros(), e.voteCount, e.disputeCount, s.supportWeight.stripTrailingZeros(),
                    s.conflictWeight.stripTrailingZeros(), s.contestedness.stripTrailingZeros(), s.verdict.name(), s.voteCount);
        });
    }
}
