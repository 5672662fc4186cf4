package app.crux.demo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled demo corpus loads through the real services and produces contested claims. */
@QuarkusTest
class DemoCorpusTest {

    @Inject
    DemoCorpus demo;

    @Test
    void theDemoCorpusLoadsIntoContestedClaims() {
        // an external test database may keep it from an earlier run
        if (given().get("/documents/five-minutes-of-stretching-before-every-run").statusCode() == 404) {
            demo.load();
        }
        given().get("/contested?tag=posture").then().statusCode(200)
                .body(containsString("Tight hamstrings tilt the pelvis backwards"));
        Document claim = Jsoup.parse(given().get("/claims/tight-hamstrings-tilt-the-pelvis-backwards").then().statusCode(200)
                .extract().asString());
        assertEquals(1, claim.select(".side.supports .evidence-card").size());
        assertEquals(1, claim.select(".side.conflicts .evidence-card").size());
        assertEquals("Contested", claim.selectFirst(".claim-head .verdict").text()); // 1.67 against 3.33: contestedness 0.67
        assertTrue(claim.selectFirst(".meter-block").text().contains("66%"));
        assertTrue(claim.selectFirst(".claim-head .meta").text().contains("reviewer agreement α ="));
        given().get("/documents/five-minutes-of-stretching-before-every-run").then().statusCode(200)
                .body(containsString("<mark class=\"hl supports\""));
    }
}
