package app.crux.reading;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Merging without slugs (issue 11, item 5): the target is found by a search, a preview says what
 * moves and shows each passage both claims quote with both stances, the editor chooses per passage,
 * nothing is dropped, and the merge can be undone exactly while nothing it moved has changed.
 */
@QuarkusTest
class MergeTest {

    private static final String P1 = "Eccentric hamstring work cut strain injuries by half in one football squad.";
    private static final String P2 = "Static stretching before sprints changed hamstring injury rates not at all.";
    private static final String P3 = "Players who skipped the warm-up entirely were injured more often.";

    @Inject
    EntityManager em;

    /** Two claims on one document: A quotes P1 (supports) and P2 (conflicts); B quotes P3 and P2, both supporting. */
    private record Pair(long a, String aSlug, long b, String bSlug, long aP1, long aP2, long bP2, long bP3) {
    }

    private Pair pair(String label, String aStanceOnP2) {
        var doc = TestApi.importText("Merge " + label + " " + System.nanoTime(), TestApi.unique("Hamstrings\n\n" + P1 + "\n\n" + P2 + "\n\n" + P3));
        var a = claim("Eccentric work prevents hamstring strains " + label + " " + System.nanoTime(), doc.get("id"), P1, List.of("test", "sprinting"));
        var b = claim("Hamstring injuries can be prevented " + label + " " + System.nanoTime(), doc.get("id"), P3, List.of("test"));
        long aP2 = attach(id(a), doc.get("id"), aStanceOnP2, P2);
        long bP2 = attach(id(b), doc.get("id"), "SUPPORTS", P2);
        return new Pair(id(a), (String) a.get("slug"), id(b), (String) b.get("slug"), evidenceOf(a), aP2, bP2, evidenceOf(b));
    }

    @Test
    void theApiPreviewShowsWhatMovesAndASharedPassageWithOppositeStancesMustBeChosen() {
        Pair p = pair("api", "CONFLICTS");
        String reviewer = TestAccounts.token(TestAccounts.create("merge-rater", Role.REVIEWER));
        vote(reviewer, p.aP1());
        vote(reviewer, p.aP2());
        vote(reviewer, p.bP2());
        Map<Long, Long> placesBefore = places(p);

        JsonPath preview = TestApi.asEditor().get("/api/claims/" + p.a() + "/merge?into=" + p.b()).then().statusCode(200).extract().jsonPath();
        assertEquals(1, preview.getInt("evidenceMoving"));
        assertEquals(1, preview.getInt("ratingsMoving"));
        assertEquals(List.of("sprinting"), preview.getList("tagsAdded"));
        assertEquals(1, preview.getList("shared").size());
        assertEquals(p.aP2(), preview.getLong("shared[0].sourceItem"));
        assertEquals(p.bP2(), preview.getLong("shared[0].targetItem"));
        assertEquals("CONFLICTS", preview.getString("shared[0].sourceStance"));
        assertEquals("SUPPORTS", preview.getString("shared[0].targetStance"));
        assertEquals(P2, preview.getString("shared[0].quote"));
        assertFalse(preview.getBoolean("shared[0].sameStance"));

        // without a choice nothing is dropped silently: 409 naming the passage, nothing merged
        TestApi.asEditor().body(Map.of("into", p.b())).post("/api/claims/" + p.a() + "/merge").then().statusCode(409)
                .body("error", containsString("opposite stances")).body("undecided[0]", equalTo((int) p.aP2()));
        assertEquals(placesBefore, places(p));
        given().get("/api/claims/" + p.a()).then().body("status", equalTo("PUBLISHED"));

        // the editor keeps the merged claim's stance: its item moves, the target's own goes aside with the merged claim
        TestApi.asEditor().body(Map.of("into", p.b(), "shared", List.of(Map.of("evidenceId", p.aP2(), "keep", "SOURCE"))))
                .post("/api/claims/" + p.a() + "/merge").then().statusCode(200)
                .body("conflicts.id", equalTo(List.of((int) p.aP2()))).body("tags", equalTo(List.of("sprinting", "test")));
        Map<Long, Long> after = places(p);
        assertEquals(p.b(), after.get(p.aP1()));
        assertEquals(p.b(), after.get(p.aP2()));
        assertEquals(p.a(), after.get(p.bP2()), "the target's item is kept with the merged claim, not deleted");
        assertEquals(p.b(), after.get(p.bP3()));
        assertEquals(3L, votes(p), "no rating was copied across opposite stances, none lost");
        String absorb = latestAudit("claim.absorb", p.b());
        assertTrue(absorb.contains("1 kept the merged claim's item"), absorb);

        // undo puts back every item, rating, status and tag, and says so in the history
        TestApi.asEditor().post("/api/claims/" + p.a() + "/merge/undo").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("tags", equalTo(List.of("sprinting", "test")));
        assertEquals(placesBefore, places(p));
        assertEquals(3L, votes(p));
        given().get("/api/claims/" + p.b()).then().body("tags", equalTo(List.of("test")))
                .body("supports.id", containsInAnyOrder((int) p.bP2(), (int) p.bP3()));
        given().get("/claims/" + p.aSlug() + "/history").then().body(containsString("claim.unmerge"));
        given().get("/claims/" + p.bSlug() + "/history").then().body(containsString("claim.unabsorb"));
        // a second undo has nothing to undo
        TestApi.asEditor().post("/api/claims/" + p.a() + "/merge/undo").then().statusCode(409).body("error", containsString("not merged"));
    }

    @Test
    void aSharedPassageWithTheSameStanceKeepsTheTargetsItemWithTheRatingsAndUndoRemovesTheCopies() {
        Pair p = pair("same", "SUPPORTS");
        String reviewer = TestAccounts.token(TestAccounts.create("merge-same", Role.REVIEWER));
        vote(reviewer, p.aP2());
        Map<Long, Long> before = places(p);
        TestApi.asEditor().body(Map.of("into", p.b())).post("/api/claims/" + p.a() + "/merge").then().statusCode(200);
        assertEquals(p.a(), places(p).get(p.aP2()), "the merged claim's item stays with it");
        assertEquals(2L, votes(p), "the rating was copied onto the target's item of the same passage");
        assertEquals(1L, votesOn(p.bP2()));
        assertEquals(List.of(1L, 0L), scoreCounts(p.a()), "the merged claim's score counts the item it kept");
        assertEquals(List.of(3L, 0L), scoreCounts(p.b()));

        TestApi.asEditor().post("/api/claims/" + p.a() + "/merge/undo").then().statusCode(200);
        assertEquals(before, places(p));
        assertEquals(0L, votesOn(p.bP2()), "the copy went with the undo");
        assertEquals(1L, votesOn(p.aP2()));
    }

    @Test
    void undoIsRefusedOnceSomethingThatMovedHasChanged() {
        Pair p = pair("changed", "SUPPORTS");
        TestApi.asEditor().body(Map.of("into", p.b())).post("/api/claims/" + p.a() + "/merge").then().statusCode(200);
        String reviewer = TestAccounts.token(TestAccounts.create("merge-late", Role.REVIEWER));
        vote(reviewer, p.aP1());
        TestApi.asEditor().post("/api/claims/" + p.a() + "/merge/undo").then().statusCode(409)
                .body("error", containsString("Ratings of the evidence the merge moved"));
        given().get("/api/claims/" + p.a()).then().body("status", equalTo("MERGED"));
        assertEquals(p.b(), places(p).get(p.aP1()));

        // an edit of the target blocks it too
        Pair q = pair("edited", "SUPPORTS");
        TestApi.asEditor().body(Map.of("into", q.b())).post("/api/claims/" + q.a() + "/merge").then().statusCode(200);
        int version = given().get("/api/claims/" + q.b()).then().extract().path("version");
        TestApi.asEditor().body(Map.of("version", version, "tags", List.of("renamed"))).patch("/api/claims/" + q.b()).then().statusCode(200);
        TestApi.asEditor().post("/api/claims/" + q.a() + "/merge/undo").then().statusCode(409)
                .body("error", containsString("has changed since the merge"));
        given().get("/api/claims/" + q.a()).then().body("status", equalTo("MERGED"));
    }

    @Test
    void twoUndosOfOneMergeAtOnceUndoItOnce() throws Exception {
        Pair p = pair("undo race", "SUPPORTS");
        TestApi.asEditor().body(Map.of("into", p.b())).post("/api/claims/" + p.a() + "/merge").then().statusCode(200);
        Map<Long, Long> merged = places(p);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return TestApi.asEditor().post("/api/claims/" + p.a() + "/merge/undo").statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
        } finally {
            pool.shutdownNow();
        }
        assertNotEquals(merged, places(p));
        assertEquals(p.a(), places(p).get(p.aP1()));
        long undone = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_event WHERE action = 'claim.unmerge' AND entity_id = :a").setParameter("a", p.a())
                .getSingleResult()).longValue());
        assertEquals(1L, undone, "one undo, audited once");
    }

    @Test
    void refusalsSelfCyclesRetractedTargetsStrangersAndWrongBodies() {
        Pair p = pair("refusals", "SUPPORTS");
        String base = "/api/claims/" + p.a() + "/merge";
        TestApi.asEditor().body(Map.of("into", p.a())).post(base).then().statusCode(400).body("error", containsString("itself"));
        TestApi.asEditor().get(base + "?into=" + p.a()).then().statusCode(400);
        TestApi.asEditor().get(base).then().statusCode(400);
        TestApi.asEditor().body(Map.of("into", Long.MAX_VALUE)).post(base).then().statusCode(404);
        TestApi.asEditor().body(Map.of("into", p.b(), "shared", List.of(Map.of("evidenceId", p.aP1(), "keep", "SOURCE"))))
                .post(base).then().statusCode(400).body("error", containsString("not a passage both claims quote"));
        TestApi.asEditor().body(Map.of("into", p.b(), "shared", List.of(Map.of("evidenceId", p.aP2(), "keep", "SOURCE"),
                Map.of("evidenceId", p.aP2(), "keep", "TARGET")))).post(base).then().statusCode(400).body("error", containsString("twice"));
        TestApi.asEditor().body(Map.of("into", p.b(), "shared", List.of(Map.of("evidenceId", p.aP2(), "keep", "BOTH"))))
                .post(base).then().statusCode(400);
        given().header("Authorization", "Bearer " + TestApi.editorToken()).contentType(ContentType.TEXT).body("{\"into\": " + p.b() + "}")
                .post(base).then().statusCode(415);
        String reviewer = TestAccounts.token(TestAccounts.create("merge-stranger", Role.REVIEWER));
        given().header("Authorization", "Bearer " + reviewer).contentType(ContentType.JSON).body(Map.of("into", p.b()))
                .post(base).then().statusCode(403);
        given().header("Authorization", "Bearer " + reviewer).get(base + "?into=" + p.b()).then().statusCode(403);
        given().header("Authorization", "Bearer " + reviewer).contentType(ContentType.JSON).post(base + "/undo").then().statusCode(403);
        TestApi.asEditor().post(base + "/undo").then().statusCode(409).body("error", containsString("not merged"));

        // into a retracted claim: refused; a published claim into a draft: refused
        TestApi.asEditor().post("/api/claims/" + p.b() + "/retract").then().statusCode(200);
        TestApi.asEditor().body(Map.of("into", p.b())).post(base).then().statusCode(400).body("error", containsString("restore"));
        TestApi.asEditor().post("/api/claims/" + p.b() + "/restore").then().statusCode(200);

        // the cycle: once A is in B, B cannot go into A
        TestApi.asEditor().body(Map.of("into", p.b())).post(base).then().statusCode(200);
        TestApi.asEditor().body(Map.of("into", p.a())).post("/api/claims/" + p.b() + "/merge").then().statusCode(409)
                .body("error", containsString("merged into another claim already"));
        assertEquals("MERGED", given().get("/api/claims/" + p.a()).then().extract().path("status"));
        assertEquals("PUBLISHED", given().get("/api/claims/" + p.b()).then().extract().path("status"));
    }

    @Test
    void theNoJsPagesFindTheTargetPreviewTheSharedPassageMergeByChoiceAndUndo() {
        Pair p = pair("pages", "CONFLICTS");
        String cookie = TestAccounts.login(TestAccounts.create("merge-pages", Role.EDITOR));
        String statementB = given().get("/api/claims/" + p.b()).then().extract().path("statement");

        // the claim page links to the search, which lists candidates with radio buttons, never the claim itself
        Document claimPage = page(cookie, "/claims/" + p.aSlug());
        assertNotNull(claimPage.selectFirst("form[method=get][action=/claims/" + p.aSlug() + "/merge] input[name=q]"));
        Document search = page(cookie, "/claims/" + p.aSlug() + "/merge?q=" + statementB.substring(0, 30));
        assertNotNull(search.selectFirst("input[type=radio][name=into][value=" + p.b() + "]"), search.html());
        assertNull(search.selectFirst("input[type=radio][name=into][value=" + p.a() + "]"));
        assertEquals("/claims/" + p.aSlug() + "/merge/preview", search.selectFirst("form:has(input[name=into])").attr("action"));

        // the preview names what moves and shows the shared passage with both stances and a required choice
        Document preview = page(cookie, "/claims/" + p.aSlug() + "/merge/preview?into=" + p.b());
        assertTrue(preview.text().contains("1 evidence item moves over"), preview.text());
        assertTrue(preview.text().contains("sprinting"));
        var shared = preview.selectFirst(".merge-shared");
        assertNotNull(shared);
        assertTrue(shared.text().contains(P2));
        assertTrue(shared.text().contains("This claim: conflicts") && shared.text().contains("Target: supports"), shared.text());
        var select = shared.selectFirst("select[name=keep][required]");
        assertNotNull(select);
        assertEquals(List.of("", p.aP2() + ":TARGET", p.aP2() + ":SOURCE"), select.select("option").eachAttr("value"));

        String csrf = csrf(cookie, "/claims/" + p.aSlug() + "/merge/preview?into=" + p.b());
        // no choice: the preview comes back with the problem, nothing merged
        form(cookie, csrf).formParam("into", String.valueOf(p.b())).post("/claims/" + p.aSlug() + "/merge")
                .then().statusCode(409).body(containsString("opposite stances"));
        given().get("/api/claims/" + p.a()).then().body("status", equalTo("PUBLISHED"));
        // without the CSRF token: refused
        given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).formParam("into", p.b())
                .formParam("keep", p.aP2() + ":TARGET").post("/claims/" + p.aSlug() + "/merge").then().statusCode(403);
        given().get("/api/claims/" + p.a()).then().body("status", equalTo("PUBLISHED"));

        form(cookie, csrf).formParam("into", String.valueOf(p.b())).formParam("keep", p.aP2() + ":TARGET")
                .post("/claims/" + p.aSlug() + "/merge").then().statusCode(303)
                .header("Location", containsString("/claims/" + p.bSlug()));
        assertEquals(p.a(), places(p).get(p.aP2()), "the editor kept the target's stance: the merged claim's item stays with it");
        assertEquals(p.b(), places(p).get(p.bP2()));
        Document targetPage = page(cookie, "/claims/" + p.bSlug());
        assertTrue(targetPage.text().contains("sprinting"));

        // the target's history offers the undo; undoing brings the claim back
        Document history = page(cookie, "/claims/" + p.bSlug() + "/history");
        var undo = history.selectFirst("form[action=/claims/" + p.aSlug() + "/merge/undo]");
        assertNotNull(undo, history.html());
        String mergeId = undo.selectFirst("input[name=merge]").attr("value");
        assertFalse(page(null, "/claims/" + p.bSlug() + "/history").html().contains("/merge/undo"), "readers get no undo button");
        form(cookie, csrf).formParam("merge", mergeId).post("/claims/" + p.aSlug() + "/merge/undo").then().statusCode(303)
                .header("Location", containsString("/claims/" + p.aSlug()));
        given().get("/api/claims/" + p.a()).then().body("status", equalTo("PUBLISHED"));
        assertEquals(p.a(), places(p).get(p.aP1()));
        // both histories keep the merge's events but no longer offer to undo it
        for (String slug : List.of(p.aSlug(), p.bSlug())) {
            Document after = page(cookie, "/claims/" + slug + "/history");
            assertTrue(after.text().contains("claim.merge") || after.text().contains("claim.absorb"), after.text());
            assertNull(after.selectFirst("form[action$=/merge/undo]"), slug + ": " + after.html());
        }
        // the same button again: refused with a message, nothing changes
        form(cookie, csrf).formParam("merge", mergeId).post("/claims/" + p.aSlug() + "/merge/undo").then().statusCode(303);
        given().get("/api/claims/" + p.a()).then().body("status", equalTo("PUBLISHED"));
        assertNotEquals(p.b(), places(p).get(p.aP1()));
        given().redirects().follow(false).get("/claims/" + p.aSlug() + "/merge").then().statusCode(not(equalTo(200)));
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> claim(String statement, Object documentId, String exact, List<String> tags) {
        Map<String, Object> body = new HashMap<>();
        body.put("statement", statement);
        body.put("tags", tags);
        body.put("source", Map.of("documentId", documentId, "exact", exact));
        return TestApi.asEditor().body(body).post("/api/claims").then().statusCode(201).extract().as(Map.class);
    }

    private static long id(Map<String, Object> json) {
        return TestApi.id(json);
    }

    @SuppressWarnings("unchecked")
    private static long evidenceOf(Map<String, Object> created) {
        return ((Number) ((Map<String, Object>) created.get("evidence")).get("id")).longValue();
    }

    private static long attach(long claim, Object documentId, String stance, String exact) {
        return TestApi.asEditor().body(Map.of("documentId", documentId, "stance", stance, "exact", exact))
                .post("/api/claims/" + claim + "/evidence").then().statusCode(201).extract().<Number>path("id").longValue();
    }

    private static void vote(String token, long evidence) {
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(Map.of("strength", "HIGH"))
                .put("/api/evidence/" + evidence + "/vote").then().statusCode(200);
    }

    /** Which claim each of the pair's evidence items belongs to, read from the table. */
    @SuppressWarnings("unchecked")
    private Map<Long, Long> places(Pair p) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id, claim_id FROM evidence WHERE claim_id IN (:a, :b) ORDER BY id").setParameter("a", p.a()).setParameter("b", p.b())
                .getResultList());
        Map<Long, Long> places = new TreeMap<>();
        rows.forEach(r -> places.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return places;
    }

    private long votes(Pair p) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM vote v JOIN evidence e ON e.id = v.evidence_id WHERE e.claim_id IN (:a, :b)")
                .setParameter("a", p.a()).setParameter("b", p.b()).getSingleResult()).longValue());
    }

    private List<Long> scoreCounts(long claim) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT support_count, conflict_count FROM claim_score WHERE claim_id = :c").setParameter("c", claim).getSingleResult());
        return List.of(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    private long votesOn(long evidence) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM vote WHERE evidence_id = :e").setParameter("e", evidence).getSingleResult()).longValue());
    }

    private String latestAudit(String action, long claim) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT summary FROM audit_event WHERE action = :a AND entity_id = :c ORDER BY id DESC LIMIT 1")
                .setParameter("a", action).setParameter("c", claim).getSingleResult());
    }

    private static Document page(String cookie, String path) {
        RequestSpecification request = given();
        if (cookie != null) {
            request = request.cookie(SESSION_COOKIE, cookie);
        }
        return Jsoup.parse(request.get(path).then().statusCode(200).extract().asString());
    }

    private static String csrf(String cookie, String path) {
        return given().cookie(SESSION_COOKIE, cookie).get(path).then().statusCode(200).extract().cookie("crux-csrf");
    }

    private static RequestSpecification form(String cookie, String csrf) {
        return given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf).formParam("csrf-token", csrf);
    }
}
