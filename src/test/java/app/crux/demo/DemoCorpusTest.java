package app.crux.demo;

import app.crux.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * README's first run, from an empty database in demo mode: the bundled corpus loads through the
 * real services into something worth exploring, every passage anchors, and admin and each demo
 * account can sign in with what the start-up banner printed.
 */
@QuarkusTest
@TestProfile(DemoMode.class)
class DemoCorpusTest {

    private static final Pattern ADMIN_LINE = Pattern.compile("Admin +admin ([A-Za-z0-9]{20}) ");
    private static final Pattern DEMO_LINE = Pattern.compile("^ {17}(editor|reviewer|reviewer2) +([A-Za-z0-9]{20}) ", Pattern.MULTILINE);

    @Inject
    EntityManager em;

    @BeforeEach
    void freshDatabase() {
        assumeTrue(System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null, "needs a fresh embedded database");
    }

    @Test
    void theCorpusHasTheAdvertisedShape() {
        assertEquals(12L, count("SELECT count(*) FROM document"));
        assertEquals(5L, count("SELECT count(DISTINCT kind) FROM document"), "articles, studies, reviews, guidelines, transcripts");
        assertTrue(count("SELECT count(*) FROM claim WHERE status = 'PUBLISHED'") >= 24);
        assertEquals(1L, count("SELECT count(*) FROM claim WHERE status = 'MERGED'"));
        assertEquals(1L, count("SELECT count(*) FROM claim WHERE status = 'RETRACTED'"));
        assertTrue(count("SELECT count(*) FROM evidence") >= 70);
        long bothSides = count("""
                SELECT count(*) FROM (SELECT claim_id FROM evidence GROUP BY claim_id
                HAVING count(DISTINCT stance) = 2) c""");
        assertTrue(bothSides >= 10, bothSides + " claims with both stances");
        assertEquals(0L, count("SELECT count(*) FROM evidence WHERE outcome IS NULL AND study_type IS NULL"), "context filled");
        assertTrue(count("SELECT count(*) FROM evidence WHERE comparison IS NOT NULL AND intervention IS NOT NULL") >= 10);
        assertEquals(4L, count("SELECT count(DISTINCT reviewer_id) FROM vote"));
        long split = count("""
                SELECT count(*) FROM (SELECT evidence_id FROM vote GROUP BY evidence_id
                HAVING bool_or(strength = 'HIGH') AND bool_or(strength IN ('LOW', 'VERY_LOW'))) s""");
        assertTrue(split >= 8, split + " passages rated both high and low, for reconciliation");
        assertEquals(1L, count("SELECT count(*) FROM excerpt WHERE changed AND NOT orphaned"));
        assertEquals(1L, count("SELECT count(*) FROM excerpt WHERE orphaned"));
        assertEquals(2L, count("SELECT max(revision) FROM document_revision"));
    }

    @Test
    void everyPassageAnchorsExactlyInTheRevisionItPointsTo() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT x.exact, x.start_offset, x.end_offset, r.body FROM excerpt x
                JOIN document_revision r ON r.document_id = x.document_id AND r.revision = x.revision""").getResultList());
        assertTrue(rows.size() >= 60, rows.size() + " excerpts");
        for (Object[] row : rows) {
            String body = (String) row[3];
            assertEquals(row[0], body.substring((Integer) row[1], (Integer) row[2]));
        }
        // and as written: every quote of the corpus occurs once in its document
        DemoCorpus.Corpus corpus = DemoCorpus.corpus();
        for (DemoCorpus.ClaimSpec claim : corpus.claims()) {
            for (DemoCorpus.EvidenceSpec e : claim.evidence()) {
                String text = corpus.document(e.doc()).text();
                int first = text.indexOf(e.exact());
                assertTrue(first >= 0 && text.indexOf(e.exact(), first + 1) < 0, claim.key() + ": " + e.exact());
            }
        }
    }

    @Test
    void readersFindContestedClaimsAndDocumentsThatDisagree() {
        Document contested = Jsoup.parse(given().get("/contested").then().statusCode(200).extract().asString());
        assertTrue(contested.select("ol.contested-list > li").size() >= 8, contested.select("ol.contested-list").text());

        Object[] pair = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                SELECT da.slug, db.slug, count(DISTINCT a.claim_id) FROM evidence a
                JOIN evidence b ON b.claim_id = a.claim_id AND b.stance <> a.stance AND b.document_id > a.document_id
                JOIN claim c ON c.id = a.claim_id AND c.status = 'PUBLISHED'
                JOIN document da ON da.id = a.document_id JOIN document db ON db.id = b.document_id
                GROUP BY da.slug, db.slug ORDER BY 3 DESC LIMIT 1""").getSingleResult());
        Document compare = Jsoup.parse(given().queryParam("a", pair[0]).queryParam("b", pair[1]).get("/compare")
                .then().statusCode(200).extract().asString());
        assertTrue(compare.select("article.compare-row").size() >= 3, compare.select("#disagree-heading").text());

        // the checks the small corpus had, on this one's claim
        Document claim = Jsoup.parse(given().get("/claims/tight-hamstrings-cause-low-back-pain").then().statusCode(200)
                .extract().asString());
        assertEquals(3, claim.select(".side.supports .evidence-card").size());
        assertEquals(2, claim.select(".side.conflicts .evidence-card").size());
        assertEquals("Contested", claim.selectFirst(".claim-head .verdict").text());
        assertTrue(claim.selectFirst(".meter-block").text().contains("87%"), claim.selectFirst(".meter-block").text()); // 4.50 against 5.83
        assertTrue(claim.selectFirst(".claim-head .meta").text().contains("reviewer agreement α ="));
        assertTrue(claim.text().contains("Why they may disagree"), "context fields group the passages");
        given().get("/contested?tag=posture").then().statusCode(200).body(containsString("Tight hamstrings tilt the pelvis backwards"));
        given().get("/documents/your-hamstrings-are-behind-your-sore-back").then().statusCode(200)
                .body(containsString("<mark class=\"hl supports\""));
    }

    @Test
    void adminAndEveryDemoAccountSignInWithWhatTheBannerPrinted() throws IOException {
        String log = Files.readString(DemoMode.LOG);
        assertTrue(log.contains("Crux is ready"), log);
        assertTrue(log.contains("embedded PostgreSQL") || log.contains("external PostgreSQL at jdbc:postgresql:"), log);
        assertTrue(log.contains("demo corpus loaded on this start: 12 documents"), log);
        Matcher admin = ADMIN_LINE.matcher(log);
        assertTrue(admin.find(), log);
        assertTrue(TestAccounts.token("admin", admin.group(1)).startsWith("crux_"));
        TestAccounts.login("admin", admin.group(1));

        Map<String, String> demo = new HashMap<>();
        Matcher accounts = DEMO_LINE.matcher(log);
        while (accounts.find()) {
            demo.put(accounts.group(1), accounts.group(2));
        }
        assertEquals(List.of("editor", "reviewer", "reviewer2"), demo.keySet().stream().sorted().toList(), log);
        String loginPage = given().get("/login").then().statusCode(200).extract().asString();
        demo.forEach((username, password) -> {
            assertTrue(TestAccounts.token(username, password).startsWith("crux_"), username);
            TestAccounts.login(username, password);
            assertTrue(loginPage.contains(password), "the login page shows " + username + "'s password in demo mode");
        });
        // what each may do: the editor imports, the reviewers have a queue to work through
        given().cookie(TestAccounts.SESSION_COOKIE, TestAccounts.login("editor", demo.get("editor")))
                .get("/documents/new").then().statusCode(200);
        Document queue = Jsoup.parse(given().cookie(TestAccounts.SESSION_COOKIE, TestAccounts.login("reviewer", demo.get("reviewer")))
                .get("/review").then().statusCode(200).extract().asString());
        assertTrue(queue.selectFirst("#progress").text().matches("0 of \\d{2,} rated.*"), queue.selectFirst("#progress").text());
        assertTrue(queue.select(".review-item mark").size() >= 1, queue.select(".review-item").text());
    }

    @Test
    void anEditorsFirstDocumentPageExplainsHowToPullOutAClaimOnce() throws IOException {
        String password = demoPassword("editor");
        String session = TestAccounts.login("editor", password);
        String path = "/documents/does-one-tight-muscle-explain-back-pain";
        var first = given().cookie(TestAccounts.SESSION_COOKIE, session).get(path).then().statusCode(200).extract();
        assertEquals(1, Jsoup.parse(first.asString()).select("aside.first-visit").size());
        String seen = first.cookie("crux-hint-extract");
        assertEquals("1", seen);
        String again = given().cookie(TestAccounts.SESSION_COOKIE, session).cookie("crux-hint-extract", seen).get(path)
                .then().statusCode(200).extract().asString();
        assertEquals(0, Jsoup.parse(again).select("aside.first-visit").size());
        // readers and reviewers are not editors: no hint, no cookie
        var reader = given().get(path).then().statusCode(200).extract();
        assertEquals(0, Jsoup.parse(reader.asString()).select("aside.first-visit").size());
        assertEquals(null, reader.cookie("crux-hint-extract"));
    }

    private static String demoPassword(String username) throws IOException {
        Matcher accounts = DEMO_LINE.matcher(Files.readString(DemoMode.LOG));
        while (accounts.find()) {
            if (accounts.group(1).equals(username)) {
                return accounts.group(2);
            }
        }
        throw new AssertionError("no password printed for " + username);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
