package app.crux.web;

import app.crux.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ?page=&size= on /api lists: the answer stays an array, the total and neighbours come in headers. */
@QuarkusTest
class ApiPagingTest {

    @Test
    void documentsPageWithTotalAndLinks() {
        String mark = "Paging mark " + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            TestApi.importText(mark + " " + i, "Paged text number " + i + " " + System.nanoTime() + ".");
        }
        var first = given().get("/api/documents?q=" + mark + "&page=1&size=2").then().statusCode(200)
                .body("$", hasSize(2)).header("X-Total-Count", "3")
                .header("Link", containsString("rel=\"next\"")).header("Link", not(containsString("rel=\"prev\"")))
                .extract();
        assertTrue(first.header("Link").contains("page=2") && first.header("Link").contains("size=2"), first.header("Link"));
        var second = given().get("/api/documents?q=" + mark + "&page=2&size=2").then().statusCode(200)
                .body("$", hasSize(1)).header("X-Total-Count", "3")
                .header("Link", containsString("rel=\"prev\"")).header("Link", not(containsString("rel=\"next\"")))
                .extract();
        List<Integer> a = first.jsonPath().getList("id");
        List<Integer> b = second.jsonPath().getList("id");
        assertEquals(2, a.size());
        assertTrue(a.stream().noneMatch(b::contains), a + " " + b);
        given().get("/api/documents?page=0").then().statusCode(400).body("error", containsString("Pages"));
        given().get("/api/documents?size=101").then().statusCode(400);
        given().get("/api/documents?size=0").then().statusCode(400);
        given().get("/api/documents?size=100").then().statusCode(200);
    }

    @Test
    void contestedIsPagedByLinksWithoutACountAndKeepsItsOldLimit() {
        var all = given().get("/api/contested?size=100").then().statusCode(200)
                .header("Link", containsString("rel=\"first\"")).header("Link", not(containsString("rel=\"last\"")))
                .extract();
        assertNull(all.header("X-Total-Count"), "the ranking is not counted");
        int listed = all.jsonPath().getList("$").size();
        given().get("/api/contested?limit=1").then().statusCode(200).body("$", hasSize(Math.min(listed, 1)));
        given().get("/api/contested?size=500").then().statusCode(400);

        given().get("/api/contested?page=-1").then().statusCode(400);
    }

    /** (page - 1) × size beyond an int: the page is past the end and empty, never a negative offset (a 500). */
    @Test
    void aPageNumberPastEveryListIsAnEmptyPageNotAnError() {
        var document = TestApi.importText("Far page " + System.nanoTime(), "Stretching words for a far page " + System.nanoTime() + ".");
        assertTrue(((Number) document.get("id")).longValue() > 0);
        for (String list : List.of("/api/contested", "/api/documents")) {
            given().get(list + "?page=30000000&size=100").then().statusCode(200).body("$", hasSize(0))
                    .header("Link", not(containsString("rel=\"next\"")));
        }
        given().get("/api/search?q=stretching&page=30000000&size=100").then().statusCode(200)
                .body("claims", hasSize(0)).body("documents", hasSize(0));
        given().get("/api/claimreviews?page=30000000&size=100").then().statusCode(200).body("items", hasSize(0));
        // the annotation collection carries the page asked for as its "first"
        given().get("/api/annotations?document=" + document.get("id") + "&page=5000000&size=500").then().statusCode(200)
                .body("first.items", hasSize(0));
        String page = given().get("/search?q=stretching&page=200000000").then().statusCode(200).extract().asString();
        assertTrue(page.contains("stretching"), "the search page answers, with the query it was asked");
    }
}
