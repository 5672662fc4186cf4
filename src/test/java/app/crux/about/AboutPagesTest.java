package app.crux.about;

import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /about explains Crux to a newcomer, and every page leads there. */
@QuarkusTest
class AboutPagesTest {

    @Test
    void aboutExplainsTheRolesAndTheJourneyAndLinksOn() {
        Document about = Jsoup.parse(given().get("/about").then().statusCode(200).extract().asString());
        assertEquals("About Crux", about.selectFirst("h1").text());
        String roles = about.selectFirst("#roles + dl").text();
        for (String role : new String[] {"Readers", "Editors", "Reviewers", "Admins"}) {
            assertTrue(roles.contains(role), roles);
        }
        assertEquals(5, about.select("ol.steps > li").size());
        assertNotNull(about.selectFirst("main a[href=\"/about/scoring\"]"));
        assertNotNull(about.selectFirst("main a[href=\"/q/openapi\"]"));
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void theFooterAndTheHomePageLinkToAbout() {
        assertNotNull(Jsoup.parse(given().get("/contested").then().statusCode(200).extract().asString())
                .selectFirst("footer a[href=\"/about\"]"));
        assertNotNull(Jsoup.parse(given().get("/").then().statusCode(200).extract().asString())
                .selectFirst("main a[href=\"/about\"]"));
    }
}
