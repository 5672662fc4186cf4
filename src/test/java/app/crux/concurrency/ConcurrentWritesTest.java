package app.crux.concurrency;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Races where they hurt, each run with threads released at the same instant against the real API
 * and database: the services lock rows so the loser gets a clear 409, and V3's schema checks hold
 * the invariants even for writers that bypass the services (the last two tests).
 */
@QuarkusTest
class ConcurrentWritesTest {

    private static final int ROUNDS = 4;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Test
    void mergingTheSameTwoClaimsInBothDirectionsAtOnceMergesOnceWithoutACycleOrLostEvidence() throws Exception {
        String reviewer = TestAccounts.token(TestAccounts.create("merge-race", Role.REVIEWER));
        for (int round = 0; round < ROUNDS; round++) {
            long a = claimWithTwoPassages("A" + round);
            long b = claimWithTwoPassages("B" + round);
            for (long evidence : evidenceOf(a)) {
                vote(reviewer, evidence);
            }
            for (long evidence : evidenceOf(b)) {
                vote(reviewer, evidence);
            }
            assertEquals(4, evidenceOf(a).size() + evidenceOf(b).size());
            assertEquals(4L, votesOn(a, b));

            List<Response> answers = atOnce(List.of(
                    () -> TestApi.asEditor().body(Map.of("into", b)).post("/api/claims/" + a + "/merge"),
                    () -> TestApi.asEditor().body(Map.of("into", a)).post("/api/claims/" + b + "/merge")));

            List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
            assertEquals(List.of(200, 409), statuses, answers.get(0).asString() + " / " + answers.get(1).asString());
            Response lost = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            assertTrue(lost.jsonPath().getString("error").contains("merged into another claim already"), lost.asString());

            List<Object[]> rows = claimsState(a, b);
            long merged = rows.stream().filter(r -> "MERGED".equals(r[1])).count();
            assertEquals(1, merged, "exactly one of the two is merged, so there is no cycle");
            Object[] winner = rows.stream().filter(r -> !"MERGED".equals(r[1])).findFirst().orElseThrow();
            Object[] loser = rows.stream().filter(r -> "MERGED".equals(r[1])).findFirst().orElseThrow();
            assertEquals(((Number) winner[0]).longValue(), ((Number) loser[2]).longValue());
            assertEquals(null, winner[2]);
            long winnerId = ((Number) winner[0]).longValue();
            assertEquals(4, evidenceOf(winnerId).size(), "every passage of both claims is evidence of the one left");
            assertEquals(4L, votesOn(a, b), "and every vote came along");
        }
    }

    @Test
    void importingTheSameTextFourTimesAtOnceStoresOneDocument() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String text = TestApi.unique("Race\n\nCold water immersion after sprints changes next-day soreness very little.");
            List<Callable<Response>> imports = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String title = "Same text, import " + i + " of round " + round + " " + System.nanoTime();
                imports.add(() -> TestApi.asEditor().body(Map.of("title", title, "text", text)).post("/api/documents"));
            }
            List<Response> answers = atOnce(imports);

            List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
            assertEquals(List.of(201, 409, 409, 409), statuses, answers.stream().map(Response::asString).toList().toString());
            long stored = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "SELECT count(*) FROM document WHERE body LIKE :tail").setParameter("tail", "%" + text.substring(text.lastIndexOf("Reference")))
                    .getSingleResult()).longValue());
            assertEquals(1, stored);
        }
    }

    @Test
    void twoRevisionsOfOneRevisionAtOnceSaveOneAndTellTheOtherTheCurrentRevision() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            var doc = TestApi.importText("Revision race " + round + " " + System.nanoTime(),
                    TestApi.unique("First\n\nStatic stretching before lifting reduces peak force a little."));
            long id = TestApi.id(doc);
            List<Callable<Response>> revisions = new ArrayList<>();
            for (String change : List.of("slightly", "noticeably")) {
                String text = TestApi.unique("First\n\nStatic stretching before lifting reduces peak force " + change + ".");
                revisions.add(() -> TestApi.asEditor().body(Map.of("text", text, "baseRevision", 1)).put("/api/documents/" + id));
            }
            List<Response> answers = atOnce(revisions);

            List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
            assertEquals(List.of(200, 409), statuses, answers.get(0).asString() + " / " + answers.get(1).asString());
            Response lost = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            assertEquals(2, lost.jsonPath().getInt("currentRevision"), lost.asString());
            Response won = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
            List<Number> stored = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "SELECT revision FROM document_revision WHERE document_id = :id ORDER BY revision").setParameter("id", id)
                    .getResultList());
            assertEquals(List.of(1, 2), stored.stream().map(Number::intValue).toList());
            String current = given().get("/api/documents/" + id).then().statusCode(200).extract().path("text");
            assertEquals(current, won.jsonPath().getString("document.text"), "the saved text is the winner's");
        }
        // without a base revision, revisions queue on the document's row and both are kept in order
        var doc = TestApi.importText("Revision queue " + System.nanoTime(), TestApi.unique("Queue\n\nOne sentence to revise."));
        long id = TestApi.id(doc);
        List<Callable<Response>> blind = new ArrayList<>();
        for (String change : List.of("first", "second")) {
            String text = TestApi.unique("Queue\n\nOne sentence to revise, the " + change + " way.");
            blind.add(() -> TestApi.asEditor().body(Map.of("text", text)).put("/api/documents/" + id));
        }
        assertEquals(List.of(200, 200), atOnce(blind).stream().map(Response::statusCode).toList());
        assertEquals(3, given().get("/api/documents/" + id).then().extract().<Integer>path("revision"));
    }

    @Test
    void twoEditorsAttachingTheSamePassageToOneClaimAtOnceAttachItOnce() throws Exception {
        String other = TestAccounts.token(TestAccounts.create("attach-race", Role.EDITOR));
        for (int round = 0; round < ROUNDS; round++) {
            String passage = "Foam rolling for two minutes raised ankle range of motion in " + round + " of the trials.";
            var doc = TestApi.importText("Attach race " + round + " " + System.nanoTime(),
                    TestApi.unique("Rolling\n\n" + passage + "\n\nThe effect faded within half an hour."));
            long claim = TestApi.createClaim("Foam rolling raises range of motion " + System.nanoTime(), null, null)
                    .then().statusCode(201).extract().<Number>path("id").longValue();
            Map<String, Object> body = Map.of("documentId", doc.get("id"), "stance", "SUPPORTS", "exact", passage);
            List<Response> answers = atOnce(List.of(
                    () -> TestApi.asEditor().body(body).post("/api/claims/" + claim + "/evidence"),
                    () -> given().header("Authorization", "Bearer " + other).contentType(ContentType.JSON).body(body)
                            .post("/api/claims/" + claim + "/evidence")));

            List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
            assertEquals(List.of(201, 409), statuses, answers.get(0).asString() + " / " + answers.get(1).asString());
            assertEquals(1, evidenceOf(claim).size());
        }
    }

    /** V3: even writers that skip ClaimService cannot link two claims into each other. */
    @Test
    void theSchemaRefusesAMergeCycleWrittenByTwoTransactionsAtOnce() throws Exception {
        long a = claimWithTwoPassages("cycle A");
        long b = claimWithTwoPassages("cycle B");
        List<Boolean> committed = atOnce(List.of(() -> mergeDirectly(a, b), () -> mergeDirectly(b, a)));

        assertEquals(1, committed.stream().filter(ok -> ok).count(), "exactly one of the two links is stored");
        long cycles = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM claim x JOIN claim y ON y.id = x.merged_into_id WHERE y.merged_into_id = x.id")
                .getSingleResult()).longValue());
        assertEquals(0, cycles);
        // and merging into a claim that is merged itself is refused outright
        long c = claimWithTwoPassages("cycle C");
        long mergedOne = committed.get(0) ? a : b;
        assertEquals(false, mergeDirectly(c, mergedOne));
    }

    /** V3: two excerpt rows for the same words cannot both become evidence of one claim. */
    @Test
    void theSchemaRefusesTwinPassagesOnOneClaimWrittenByTwoTransactionsAtOnce() throws Exception {
        String passage = "Eight weeks of balance drills cut ankle sprains among volleyball players.";
        var doc = TestApi.importText("Twin passages " + System.nanoTime(), TestApi.unique("Drills\n\n" + passage));
        long claim = TestApi.createClaim("Balance drills prevent ankle sprains " + System.nanoTime(), null, null)
                .then().statusCode(201).extract().<Number>path("id").longValue();
        long document = TestApi.id(doc);
        String body = given().get("/api/documents/" + document).then().extract().path("text");
        int start = body.indexOf(passage);
        List<Boolean> committed = atOnce(List.of(
                () -> attachTwinDirectly(claim, document, start, start + passage.length(), passage),
                () -> attachTwinDirectly(claim, document, start, start + passage.length(), passage)));

        assertEquals(List.of(false, true), committed.stream().sorted().toList());
        assertEquals(1, evidenceOf(claim).size());
    }

    // ---------------------------------------------------------------- helpers

    /** Runs every task on its own thread, all released at the same instant; answers in task order. */
    private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private long claimWithTwoPassages(String label) {
        String first = "Sleep of nine hours improved sprint times in trial " + label + ".";
        String second = "Naps did nothing measurable in trial " + label + ".";
        var doc = TestApi.importText("Merge race " + label + " " + System.nanoTime(), TestApi.unique("Sleep\n\n" + first + "\n\n" + second));
        long claim = TestApi.createClaim("Long sleep speeds sprinters up " + label + " " + System.nanoTime(), doc.get("id"), first)
                .then().statusCode(201).extract().<Number>path("id").longValue();
        TestApi.asEditor().body(Map.of("documentId", doc.get("id"), "stance", "CONFLICTS", "exact", second))
                .post("/api/claims/" + claim + "/evidence").then().statusCode(201);
        return claim;
    }

    private static void vote(String token, long evidence) {
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(Map.of("strength", "HIGH"))
                .put("/api/evidence/" + evidence + "/vote").then().statusCode(200);
    }

    private List<Long> evidenceOf(long claim) {
        List<Number> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id FROM evidence WHERE claim_id = :claim ORDER BY id").setParameter("claim", claim).getResultList());
        return ids.stream().map(Number::longValue).toList();
    }

    private long votesOn(long a, long b) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM vote v JOIN evidence e ON e.id = v.evidence_id WHERE e.claim_id IN (:a, :b)")
                .setParameter("a", a).setParameter("b", b).getSingleResult()).longValue());
    }

    private List<Object[]> claimsState(long a, long b) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id, status, merged_into_id FROM claim WHERE id IN (:a, :b)").setParameter("a", a).setParameter("b", b)
                .getResultList());
    }

    /** A merge link written straight to the table, its transaction kept open a moment so two overlap. */
    private boolean mergeDirectly(long from, long into) {
        return inTransaction(connection -> {
            try (var update = connection.prepareStatement("UPDATE claim SET status = 'MERGED', merged_into_id = ? WHERE id = ?")) {
                update.setLong(1, into);
                update.setLong(2, from);
                update.executeUpdate();
            }
        });
    }

    /** A new excerpt row for the words plus evidence on it, as a racing writer without the claim lock would. */
    private boolean attachTwinDirectly(long claim, long document, int start, int end, String exact) {
        return inTransaction(connection -> {
            long excerpt;
            try (var insert = connection.prepareStatement("INSERT INTO excerpt (document_id, start_offset, end_offset, exact) "
                    + "VALUES (?, ?, ?, ?) RETURNING id")) {
                insert.setLong(1, document);
                insert.setInt(2, start);
                insert.setInt(3, end);
                insert.setString(4, exact);
                var rs = insert.executeQuery();
                rs.next();
                excerpt = rs.getLong(1);
            }
            try (var insert = connection.prepareStatement(
                    "INSERT INTO evidence (claim_id, document_id, excerpt_id, stance) VALUES (?, ?, ?, 'SUPPORTS')")) {
                insert.setLong(1, claim);
                insert.setLong(2, document);
                insert.setLong(3, excerpt);
                insert.executeUpdate();
            }
        });
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** True when committed; false when PostgreSQL refused it (check, unique or deadlock). */
    private boolean inTransaction(Work work) {
        return QuarkusTransaction.suspendingExisting().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    work.run(connection);
                    Thread.sleep(300);
                    connection.commit();
                    return true;
                } catch (SQLException refused) {
                    connection.rollback();
                    String state = refused.getSQLState();
                    assertTrue(state.equals("23514") || state.equals("23505") || state.equals("40P01"),
                            "refused with " + state + ": " + refused.getMessage());
                    return false;
                }
            }
        });
    }
}
