package app.crux.reading;

import app.crux.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A document's history lists its revisions; each old text is viewable, and any two compare word by word. */
@QuarkusTest
class RevisionPagesTest {

    @Test
    void revisionsAreListedShownAndComparedWordByWord() {
        String first = TestApi.unique("Cool-down notes\n\nA slow walk after intervals lets the heart rate settle.\n\nStretch if it feels good.");
        var doc = TestApi.importText("Cool-down " + System.nanoTime(), first);
        String second = first.replace("slow walk", "brisk walk").replace("Stretch if it feels good.", "")
                + "\n\nDrink some water.";
        TestApi.asEditor().body(Map.of("text", second)).put("/api/documents/" + doc.get("id")).then().statusCode(200);
        String slug = (String) doc.get("slug");

        var history = Jsoup.parse(given().get("/documents/" + slug + "/history").then().statusCode(200).extract().asString());
        assertEquals(2, history.select("a[href=/documents/" + slug + "/revisions/1], a[href=/documents/" + slug + "/revisions/2]").size());
        assertTrue(history.select("ol.timeline").text().contains("document.revise"));
        assertTrue(history.select("ol.timeline").text().contains("document.create"));

        var old = Jsoup.parse(given().get("/documents/" + slug + "/revisions/1").then().statusCode(200).extract().asString());
        assertTrue(old.select("article").text().contains("A slow walk after intervals"));
        assertTrue(old.select("article").text().contains("Stretch if it feels good."));

        var diff = Jsoup.parse(given().get("/documents/" + slug + "/diff?from=1&to=2").then().statusCode(200).extract().asString());
        assertTrue(diff.select(".diff del").eachText().contains("[−slow−]"), diff.select(".diff").html());
        assertTrue(diff.select(".diff del").text().contains("Stretch if it feels good."));
        assertTrue(diff.select(".diff ins").eachText().contains("[+brisk+]"), diff.select(".diff").html());
        assertTrue(diff.select(".diff ins").text().contains("Drink some water."));
        assertFalse(diff.select(".diff ins, .diff del").text().contains("walk after intervals"), "unchanged words stay unmarked");
        assertTrue(diff.select(".legend").text().contains("added words"), "a legend, not colour alone");
        // the same revision twice, and revisions that do not exist
        assertTrue(given().get("/documents/" + slug + "/diff?from=2&to=2").then().statusCode(200).extract().asString()
                .contains("the same text"));
        given().get("/documents/" + slug + "/diff?from=9&to=2").then().statusCode(400);
        given().get("/documents/" + slug + "/diff?from=x").then().statusCode(404);
        given().get("/documents/" + slug + "/revisions/3").then().statusCode(404);
        given().get("/documents/no-such-document-here/history").then().statusCode(404);
    }
}
