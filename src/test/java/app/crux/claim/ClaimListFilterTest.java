package app.crux.claim;

import app.crux.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The claim and document lists' filters match what was typed as text: % and _ are characters, not wildcards. */
@QuarkusTest
class ClaimListFilterTest {

    @Test
    void percentAndUnderscoreInTheFilterMatchThemselvesOnly() {
        String u = "filterprobe" + System.nanoTime();
        String percent = created(u + " halves cravings by 50% in a week");
        String digits = created(u + " halves cravings by 500 in a week");
        String underscore = created(u + " a_b trial");
        String letters = created(u + " axb trial");
        // the set-up: a plain filter finds all four
        assertEquals(List.of(percent, digits, underscore, letters).stream().sorted().toList(), listed(u));

        assertEquals(List.of(percent), listed(u + " halves cravings by 50%"));
        assertEquals(List.of(underscore), listed(u + " a_b"));
    }

    @Test
    void theDocumentsFilterTreatsThemTheSameWay() {
        String u = "filterprobe" + System.nanoTime();
        String percent = (String) TestApi.importText(u + " 50% fewer", TestApi.unique("Body of the first probe.")).get("slug");
        String digits = (String) TestApi.importText(u + " 500 fewer", TestApi.unique("Body of the second probe.")).get("slug");
        assertEquals(List.of(percent, digits).stream().sorted().toList(), listedDocuments(u));

        assertEquals(List.of(percent), listedDocuments(u + " 50%"));
    }

    private static List<String> listedDocuments(String q) {
        String html = given().queryParam("q", q).get("/documents").then().statusCode(200).extract().asString();
        return Jsoup.parse(html).select("ul.doc-list a.title").stream()
                .map(a -> a.attr("href").replace("/documents/", "")).sorted().toList();
    }

    private static String created(String statement) {
        Map<?, ?> claim = TestApi.createClaim(statement, null, null).then().statusCode(201).extract().as(Map.class);
        return (String) claim.get("slug");
    }

    /** The slugs the /claims page lists for the filter, sorted. */
    private static List<String> listed(String q) {
        String html = given().queryParam("q", q).get("/claims").then().statusCode(200).extract().asString();
        return Jsoup.parse(html).select("ul.claim-list li > a").stream()
                .map(a -> a.attr("href").replace("/claims/", "")).sorted().toList();
    }
}
