package app.crux.disagreement;

import app.crux.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages cost a fixed number of SQL statements, whether they show 2 evidence items or 40. */
@QuarkusTest
class StatementCountTest {

    /** The quality bar for the hot pages. */
    private static final int HOT_PAGE_LIMIT = 4;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void theClaimAndDocumentPagesDoNotGrowWithTheirEvidence() {
        var small = corpus(2);
        var large = corpus(40);
        long claimSmall = statements("/claims/" + small.get("claim"));
        long claimLarge = statements("/claims/" + large.get("claim"));
        assertEquals(claimSmall, claimLarge, "claim page");
        assertTrue(claimSmall <= HOT_PAGE_LIMIT, "claim page uses " + claimSmall + " statements");

        long documentSmall = statements("/documents/" + small.get("document"));
        long documentLarge = statements("/documents/" + large.get("document"));
        assertEquals(documentSmall, documentLarge, "document page");

        long contested = statements("/contested");
        assertTrue(contested <= HOT_PAGE_LIMIT, "contested page uses " + contested + " statements");
        assertEquals(statements("/compare?a=" + small.get("document") + "&b=" + large.get("document")),
                statements("/compare?a=" + large.get("document") + "&b=" + small.get("document")), "compare page");
        assertEquals(statements("/search?q=mobility"), statements("/search?q=observation"), "search page");
    }

    /** A document with {@code passages} sentences, each attached to one claim, alternating sides. */
    private static Map<String, String> corpus(int passages) {
        String unique = String.valueOf(System.nanoTime());
        StringBuilder text = new StringBuilder("Counting " + unique + "\n\n");
        for (int i = 0; i < passages; i++) {
            text.append("Observation ").append(i).append(" on mobility work in group ").append(unique).append(".\n\n");
        }
        var doc = TestApi.importText("Counted " + unique, text.toString());
        long claim = TestApi.createClaim("Mobility work helps " + unique, doc.get("id"), "Observation 0 on mobility work in group " + unique + ".")
                .then().statusCode(201).extract().<Number>path("id").longValue();
        for (int i = 1; i < passages; i++) {
            TestApi.asEditor().body(Map.of("documentId", doc.get("id"), "stance", i % 2 == 0 ? "SUPPORTS" : "CONFLICTS",
                    "exact", "Observation " + i + " on mobility work in group " + unique + "."))
                    .post("/api/claims/" + claim + "/evidence").then().statusCode(201);
        }
        String slug = given().get("/api/claims/" + claim).then().extract().path("slug");
        return Map.of("claim", slug, "document", (String) doc.get("slug"));
    }

    /** SQL statements prepared while serving {@code path} (after one warm-up request). */
    private long statements(String path) {
        given().get(path).then().statusCode(200);
        var statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long before = statistics.getPrepareStatementCount();
        given().get(path).then().statusCode(200);
        return statistics.getPrepareStatementCount() - before;
    }
}
