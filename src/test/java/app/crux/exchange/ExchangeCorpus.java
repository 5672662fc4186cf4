package app.crux.exchange;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** A corpus with everything an export must carry: unicode, a long text, revisions, merges, retractions, drafts, votes. */
final class ExchangeCorpus {

    static final String DETACHED_NOTE = "Detached from the kept claim";
    static final String UNICODE = "Kaffee am Morgen — 咖啡 und Müdigkeit 😴: “Zwei Tassen” senken die Reaktionszeit um 12 %.";

    private ExchangeCorpus() {
    }

    static String adminToken() {
        return TestAccounts.token(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    }

    /** Builds the corpus through the real API, as people would. */
    static void build() {
        var unicodeDoc = TestApi.importText("Ünïcode notes " + System.nanoTime(), UNICODE + "\n\nEin zweiter Absatz über Schlaf "
                + System.nanoTime() + ".");
        StringBuilder longText = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            longText.append("Paragraph ").append(i).append(" of a long transcript about interval training and recovery.\n\n");
        }
        var longDoc = TestApi.importText("Long transcript " + System.nanoTime(), longText.toString());
        long unicodeId = TestApi.id(unicodeDoc);
        long longId = TestApi.id(longDoc);

        long kept = claim("Morning coffee shortens reaction time " + System.nanoTime(), unicodeId, "senken die Reaktionszeit");
        long merged = claim("Coffee speeds up reactions " + System.nanoTime(), longId, "Paragraph 17 of a long transcript");
        long retracted = claim("Interval training needs no recovery " + System.nanoTime(), longId, "Paragraph 2999");
        TestApi.asEditor().body(Map.of("statement", "Draft idea about sleep " + System.nanoTime(), "tags", List.of("sleep"),
                "status", "DRAFT")).post("/api/claims").then().statusCode(201);

        // a second passage on the kept claim, conflicting, then votes by two reviewers (one disputes)
        long conflicting = TestApi.asEditor().body(Map.of("documentId", longId, "stance", "CONFLICTS",
                "exact", "Paragraph 40 of a long transcript", "population", "adults", "studyType", "RCT"))
                .post("/api/claims/" + kept + "/evidence").then().statusCode(201).extract().jsonPath().getLong("id");
        long supporting = evidenceOf(kept);
        String r1 = TestAccounts.token(TestAccounts.create("xr-one", Role.REVIEWER));
        String r2 = TestAccounts.token(TestAccounts.create("xr-two", Role.REVIEWER));
        vote(r1, supporting, Map.of("strength", "HIGH", "rationale", "Große Stichprobe ✓"));
        vote(r2, supporting, Map.of("strength", "MODERATE"));
        vote(r1, conflicting, Map.of("strength", "LOW", "disputesStance", true));
        vote(r2, evidenceOf(merged), Map.of("strength", "VERY_LOW"));

        // a rated passage detached from the kept claim, and a document with two addresses
        long detached = TestApi.asEditor().body(Map.of("documentId", longId, "stance", "SUPPORTS",
                "exact", "Paragraph 41 of a long transcript", "note", DETACHED_NOTE))
                .post("/api/claims/" + kept + "/evidence").then().statusCode(201).extract().jsonPath().getLong("id");
        vote(r2, detached, Map.of("strength", "LOW"));
        TestApi.asEditor().delete("/api/evidence/" + detached).then().statusCode(200);
        TestApi.asEditor().body(Map.of("version", 1, "url", "https://kaffee.example.org/notes/" + unicodeId,
                "otherUrls", List.of("https://mirror.example.org/kaffee/" + unicodeId)))
                .patch("/api/documents/" + unicodeId).then().statusCode(200);

        TestApi.asEditor().body(Map.of("into", kept)).post("/api/claims/" + merged + "/merge").then().statusCode(200);
        TestApi.asEditor().post("/api/claims/" + retracted + "/retract").then().statusCode(200);
        // a revision: the passages are re-anchored into revision 2
        TestApi.asEditor().body(Map.of("text", UNICODE + "\n\nEin neuer zweiter Absatz, überarbeitet " + System.nanoTime() + "."))
                .put("/api/documents/" + unicodeId).then().statusCode(200);
    }

    static long claim(String statement, long documentId, String exact) {
        return TestApi.createClaim(statement, documentId, exact).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long evidenceOf(long claimId) {
        return given().get("/api/claims/" + claimId).then().statusCode(200).extract().jsonPath().getLong("supports[0].id");
    }

    static void vote(String token, long evidenceId, Map<String, Object> ballot) {
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(ballot)
                .put("/api/evidence/" + evidenceId + "/vote").then().statusCode(200);
    }

    /** Empties the content tables (accounts stay: the admin who imports must exist). */
    static void emptyContent(EntityManager em) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                TRUNCATE vote, evidence, claim_score, claim_tag, claim, tag, excerpt, document_revision, document, audit_event
                CASCADE""").executeUpdate());
    }

    static long count(EntityManager em, String table) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM " + table).getSingleResult()).longValue());
    }
}
