package app.crux.disagreement;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every reader page and hot API GET costs a fixed number of SQL statements, the same whether it shows
 * 2 evidence items or 40 — counted with Hibernate's statistics, the reader-cache version query included.
 */
@QuarkusTest
class StatementCountTest {

    /** The quality bar for the hot pages (quality.md). */
    private static final int HOT_PAGE_LIMIT = 4;

    /** A vote: see aVoteCostsAFixedNumberOfStatements. */
    private static final int VOTE = 9;

    /**
     * What each address costs an anonymous reader; {c} is the corpus's claim slug, {i} its id, {d}/{n} its
     * document's slug and id, {o} the other corpus's document, {e} an item. /history is for curators and
     * reads batches until it has a page of events the viewer may see, so it has no fixed count.
     */
    private static final Map<String, Integer> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("/claims/{c}", 4);
        EXPECTED.put("/documents/{d}", 4);
        EXPECTED.put("/contested", 3);       // the topic filter is kept while the data stays the same (TopicFilter)
        EXPECTED.put("/search?q=mobility", 3);
        EXPECTED.put("/", 4);
        EXPECTED.put("/claims", 4);
        EXPECTED.put("/claims/{c}/history", 4);
        EXPECTED.put("/tags/counted", 4);
        EXPECTED.put("/compare?a={d}&b={o}", 5);
        EXPECTED.put("/disagreements", 2);
        EXPECTED.put("/api/claims/{i}", 4);
        EXPECTED.put("/api/contested", 3);   // the ranking and its strongest sides, with the reader-cache check; no count
        EXPECTED.put("/api/search?q=mobility", 5);
        EXPECTED.put("/api/evidence/{e}/votes", 4);
        EXPECTED.put("/api/documents/{n}", 4);
        EXPECTED.put("/api/compare?a={d}&b={o}", 4);
        EXPECTED.put("/api/documents", 3);
    }

    /** The hot pages of quality.md. */
    private static final List<String> HOT = List.of("/claims/{c}", "/documents/{d}", "/contested", "/search?q=mobility");

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void everyReaderPageAndHotApiGetCostsAFixedNumberOfStatements() {
        var small = corpus(2);
        var large = corpus(40);
        Map<String, String> found = new LinkedHashMap<>();
        for (var page : EXPECTED.entrySet()) {
            long forSmall = statements(given(), page.getKey(), small, large);
            long forLarge = statements(given(), page.getKey(), large, small);
            found.put(page.getKey(), forSmall + "/" + forLarge);
        }
        Map<String, String> expected = new LinkedHashMap<>();
        EXPECTED.forEach((page, count) -> expected.put(page, count + "/" + count));
        assertEquals(expected, found, "statements for a corpus of 2 / 40 items");
        for (String hot : HOT) {
            assertTrue(EXPECTED.get(hot) <= HOT_PAGE_LIMIT, hot);
        }
    }

    @Test
    void aReviewersClaimPageDoesNotGrowWithTheItemsTheyRated() {
        var small = corpus(2);
        var large = corpus(40);
        String cookie = TestAccounts.login(TestAccounts.create("counting-reviewer", Role.REVIEWER));
        Function<Map<String, String>, Long> count = corpus -> statements(given().cookie(TestAccounts.SESSION_COOKIE, cookie),
                "/claims/{c}", corpus, corpus);
        assertEquals(count.apply(small), count.apply(large), "a reviewer's claim page");
    }

    @Test
    void resolvedDiscussionsCostTheClaimPageNoQueryPerCard() {
        var plain = corpus(4);
        var discussed = corpus(4);
        // the set-up: three items of one claim rated high and low, each resolved by a different editor
        var claim = given().get("/api/claims/" + discussed.get("i")).then().statusCode(200).extract().jsonPath();
        List<Number> items = new java.util.ArrayList<>(claim.<Number>getList("supports.id"));
        items.addAll(claim.<Number>getList("conflicts.id"));
        assertEquals(4, items.size());
        String high = TestAccounts.token(TestAccounts.create("counting-high", Role.REVIEWER));
        String low = TestAccounts.token(TestAccounts.create("counting-low", Role.REVIEWER));
        List<String> resolvers = new java.util.ArrayList<>();
        for (Number item : items.subList(0, 3)) {
            for (var vote : Map.of(high, "HIGH", low, "LOW").entrySet()) {
                given().header("Authorization", "Bearer " + vote.getKey()).contentType("application/json")
                        .body(Map.of("strength", vote.getValue(), "rationale", "Counted")).put("/api/evidence/" + item + "/vote")
                        .then().statusCode(200);
            }
            var editor = TestAccounts.create("counting-resolver", Role.EDITOR);
            resolvers.add(editor.displayName);
            given().header("Authorization", "Bearer " + TestAccounts.token(editor)).contentType("application/json")
                    .body(Map.of("note", "Settled on moderate " + item)).put("/api/evidence/" + item + "/discussion/resolution")
                    .then().statusCode(200);
        }
        String page = given().get(fill("/claims/{c}", discussed, discussed)).then().statusCode(200).extract().asString();
        assertEquals(3, page.split("Reviewers discussed this:", -1).length - 1, "readers see the three resolution notes");
        // editors see who resolved each (one query for the claim's discussions and their resolvers' names)
        String editorPage = given().cookie(TestAccounts.SESSION_COOKIE, TestAccounts.login(TestAccounts.create("counting-reader", Role.EDITOR)))
                .get(fill("/claims/{c}", discussed, discussed)).then().statusCode(200).extract().asString();
        resolvers.forEach(name -> assertTrue(editorPage.contains(name), "the note names who resolved it: " + name));
        assertEquals(statements(given(), "/claims/{c}", plain, plain), statements(given(), "/claims/{c}", discussed, discussed),
                "a claim page with resolved discussions costs what one without costs");
    }

    @Test
    void aNotModifiedAnswerCostsOneStatement() {
        var corpus = corpus(3);
        for (String page : List.of("/claims/{c}", "/documents/{d}", "/contested", "/search?q=mobility", "/api/contested")) {
            String path = fill(page, corpus, corpus);
            String tag = given().get(path).then().statusCode(200).extract().header("ETag");
            long before = prepared();
            given().header("If-None-Match", tag).get(path).then().statusCode(304);
            assertEquals(1, prepared() - before, page);
        }
    }

    /**
     * A reviewer's vote, first cast and then replaced, costs the same few statements whatever the claim's size:
     * the item and its claim's lock, the vote written with the one it replaces, the item's weight with the
     * claim's sides, the claim's score, the item's ratings for its discussion mark, the audit event.
     */
    @Test
    void aVoteCostsAFixedNumberOfStatements() {
        String reviewer = TestAccounts.token(TestAccounts.create("counting", Role.REVIEWER));
        // the token's first use records when it was used (once a minute at most): not part of a vote
        given().header("Authorization", "Bearer " + reviewer).get("/api/claims").then().statusCode(200);
        for (var corpus : List.of(corpus(2), corpus(40))) {
            String path = "/api/evidence/" + corpus.get("e") + "/vote";
            var first = given().header("Authorization", "Bearer " + reviewer).contentType("application/json");
            long before = prepared();
            first.body(Map.of("strength", "HIGH", "rationale", "First look")).put(path).then().statusCode(200).body("replaced", is(false));
            long cast = prepared() - before;
            before = prepared();
            given().header("Authorization", "Bearer " + reviewer).contentType("application/json")
                    .body(Map.of("strength", "LOW")).put(path)
                    .then().statusCode(200).body("replaced", is(true)).body("rationale", is("First look"));
            long replaced = prepared() - before;
            assertEquals("%d/%d".formatted(VOTE, VOTE), cast + "/" + replaced, "statements for a vote cast / replaced");
        }
    }

    /** A document with {@code passages} sentences, each attached to one claim, alternating sides. */
    private static Map<String, String> corpus(int passages) {
        String unique = String.valueOf(System.nanoTime());
        StringBuilder text = new StringBuilder("Counting " + unique + "\n\n");
        for (int i = 0; i < passages; i++) {
            text.append("Observation ").append(i).append(" on mobility work in group ").append(unique).append(".\n\n");
        }
        var doc = TestApi.importText("Counted " + unique, text.toString());
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("statement", "Mobility work helps " + unique);
        body.put("tags", List.of("counted"));
        body.put("source", Map.of("documentId", doc.get("id"), "exact", "Observation 0 on mobility work in group " + unique + "."));
        long claim = TestApi.asEditor().body(body).post("/api/claims").then().statusCode(201).extract().<Number>path("id").longValue();
        long item = 0;
        for (int i = 1; i < passages; i++) {
            item = TestApi.asEditor().body(Map.of("documentId", doc.get("id"), "stance", i % 2 == 0 ? "SUPPORTS" : "CONFLICTS",
                    "exact", "Observation " + i + " on mobility work in group " + unique + "."))
                    .post("/api/claims/" + claim + "/evidence").then().statusCode(201).extract().<Number>path("id").longValue();
        }
        String slug = given().get("/api/claims/" + claim).then().extract().path("slug");
        return Map.of("c", slug, "i", String.valueOf(claim), "d", (String) doc.get("slug"), "n", String.valueOf(doc.get("id")),
                "e", String.valueOf(item));
    }

    private static String fill(String page, Map<String, String> corpus, Map<String, String> other) {
        String path = page.replace("{o}", other.get("d"));
        for (var entry : corpus.entrySet()) {
            path = path.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return path;
    }

    /** SQL statements prepared while serving {@code page} (after one warm-up request). */
    private long statements(RequestSpecification request, String page, Map<String, String> corpus, Map<String, String> other) {
        String path = fill(page, corpus, other);
        request.get(path).then().statusCode(200);
        long before = prepared();
        request.get(path).then().statusCode(200);
        return prepared() - before;
    }

    private long prepared() {
        return entityManagerFactory.unwrap(SessionFactory.class).getStatistics().getPrepareStatementCount();
    }
}
