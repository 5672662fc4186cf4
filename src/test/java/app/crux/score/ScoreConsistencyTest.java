package app.crux.score;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After a random sequence of writes, the incrementally kept aggregates equal a recomputation from scratch. */
@QuarkusTest
class ScoreConsistencyTest {

    private static final long SEED = 20261123L;
    private static final int STEPS = 80;
    private static final String[] STRENGTHS = {"HIGH", "MODERATE", "LOW", "VERY_LOW"};

    @Inject
    EntityManager em;

    @Test
    void incrementalScoresEqualRecomputedScoresAfterRandomWrites() {
        Random random = new Random(SEED);
        List<String> reviewers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reviewers.add(TestAccounts.token(TestAccounts.create("mix", Role.REVIEWER)));
        }
        StringBuilder text = new StringBuilder("Random corpus " + System.nanoTime() + "\n\n");
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String sentence = "Observation number " + i + " concerns " + (i % 3 == 0 ? "stretching" : i % 3 == 1 ? "posture" : "recovery") + ".";
            sentences.add(sentence);
            text.append(sentence).append("\n\n");
        }
        long doc = TestApi.id(TestApi.importText("Random " + System.nanoTime(), text.toString()));
        List<Long> claims = new ArrayList<>();
        List<Long> evidence = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            int action = claims.size() < 3 ? 0 : random.nextInt(10);
            if (action == 0) {
                claims.add(TestApi.createClaim("Random claim " + step + " " + System.nanoTime(), null, null)
                        .then().statusCode(201).extract().<Number>path("id").longValue());
            } else if (action <= 3) {
                long claim = claims.get(random.nextInt(claims.size()));
                var response = TestApi.asEditor().body(Map.of("documentId", doc, "stance", random.nextBoolean() ? "SUPPORTS" : "CONFLICTS",
                        "exact", sentences.get(random.nextInt(sentences.size())))).post("/api/claims/" + claim + "/evidence");
                if (response.statusCode() == 201) {
                    evidence.add(response.then().extract().<Number>path("id").longValue());
                }
            } else if (action == 8 && !evidence.isEmpty()) {
                // a withdrawal (404 when this reviewer had not rated the item: nothing changes)
                given().header("Authorization", "Bearer " + reviewers.get(random.nextInt(reviewers.size())))
                        .delete("/api/evidence/" + evidence.get(random.nextInt(evidence.size())) + "/vote");
            } else if (action <= 7 && !evidence.isEmpty()) {
                given().header("Authorization", "Bearer " + reviewers.get(random.nextInt(reviewers.size())))
                        .contentType(ContentType.JSON)
                        .body(Map.of("strength", STRENGTHS[random.nextInt(4)], "disputesStance", random.nextInt(4) == 0))
                        .put("/api/evidence/" + evidence.get(random.nextInt(evidence.size())) + "/vote");
            } else if (claims.size() > 3) {
                long from = claims.remove(random.nextInt(claims.size()));
                long into = claims.get(random.nextInt(claims.size()));
                var merge = TestApi.asEditor().body(Map.of("into", into)).post("/api/claims/" + from + "/merge");
                if (merge.statusCode() == 409) {
                    // a passage both quote with opposite stances must be chosen: keep the target's
                    List<Map<String, Object>> shared = merge.jsonPath().getList("undecided", Long.class).stream()
                            .map(item -> Map.<String, Object>of("evidenceId", item, "keep", "TARGET")).toList();
                    merge = TestApi.asEditor().body(Map.of("into", into, "shared", shared)).post("/api/claims/" + from + "/merge");
                }
                merge.then().statusCode(200);
                evidence.clear();
                evidence.addAll(evidenceIds(claims));
            }
        }
        assertFalse(evidence.isEmpty());
        List<?> before = state();
        String admin = TestAccounts.token(TestAccounts.create("mix-admin", Role.ADMIN));
        given().header("Authorization", "Bearer " + admin).contentType(ContentType.JSON).body("{}")
                .post("/api/admin/recompute-scores").then().statusCode(200);
        assertEquals(before, state());
    }

    @Inject
    ScoreService scoreService;

    /**
     * The maintenance recompute rebuilds what was lost, claim by claim across chunk boundaries: every stored
     * aggregate is made wrong (and one score row deleted), then a recompute in chunks of 3 claims restores them all.
     */
    @Test
    void recomputeInChunksRestoresEveryClaimsAggregates() {
        var document = TestApi.importText("Chunked recompute " + System.nanoTime(),
                TestApi.unique("Foam rolling before a run loosens the calves for a while."));
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(TestApi.createClaim("Foam rolling helps, take " + i + " " + System.nanoTime(), document.get("id"), "Foam rolling")
                    .then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        // a claim with no evidence at all: its score is all zeros
        TestApi.createClaim("Foam rolling, unsourced " + System.nanoTime(), null, null).then().statusCode(201);
        String reviewer = TestAccounts.token(TestAccounts.create("chunk", Role.REVIEWER));
        for (long item : evidenceIds(created.subList(0, 2))) {
            given().header("Authorization", "Bearer " + reviewer).contentType(ContentType.JSON).body(Map.of("strength", "HIGH"))
                    .put("/api/evidence/" + item + "/vote").then().statusCode(200);
        }
        List<?> before = state();
        long claims = ((Number) em.createNativeQuery("SELECT count(*) FROM claim").getSingleResult()).longValue();
        assertTrue(claims > 6, "more claims than two chunks: " + claims);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE claim_score SET support_weight = 99, conflict_count = 42, verdict = 'UNREVIEWED'").executeUpdate();
            em.createNativeQuery("UPDATE evidence SET weight = 0, vote_count = 77").executeUpdate();
            em.createNativeQuery("DELETE FROM claim_score WHERE claim_id = (SELECT max(claim_id) FROM claim_score)").executeUpdate();
        });
        assertTrue(before.stream().anyMatch(row -> row.toString().contains("4.00")), "rated items weigh 4: " + before);
        assertNotEquals(before, state(), "the set-up broke the aggregates");
        assertEquals(claims, scoreService.recomputeAll(3));
        assertEquals(before, state());
    }

    @SuppressWarnings("unchecked")
    private List<Long> evidenceIds(List<Long> claims) {
        return ((List<Number>) em.createNativeQuery("SELECT id FROM evidence WHERE claim_id IN (:c)").setParameter("c", claims)
                .getResultList()).stream().map(Number::longValue).toList();
    }

    /** Every score and evidence weight, in a stable order, as plain text for comparison. */
    @SuppressWarnings("unchecked")
    private List<String> state() {
        List<String> rows = new ArrayList<>();
        ((List<Object[]>) em.createNativeQuery("""
                SELECT claim_id, support_weight, conflict_weight, support_count, conflict_count, vote_count, contestedness,
                       rank_score, verdict FROM claim_score ORDER BY claim_id""").getResultList())
                .forEach(r -> rows.add(java.util.Arrays.toString(r)));
        ((List<Object[]>) em.createNativeQuery("SELECT id, weight, vote_count, dispute_count FROM evidence ORDER BY id").getResultList())
                .forEach(r -> rows.add(java.util.Arrays.toString(r)));
        return rows;
    }
}
