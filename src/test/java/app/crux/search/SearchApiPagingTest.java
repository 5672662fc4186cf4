package app.crux.search;

import app.crux.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/search} is paged like every /api list: {@code ?page=&size=} within ApiPage's bounds, totals in the body. */
@QuarkusTest
class SearchApiPagingTest {

    @Test
    void pagesBothListsWithTotals() {
        String word = "zq" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        for (int i = 1; i <= 3; i++) {
            TestApi.importText("Paging " + word + " " + i, TestApi.unique("Notes on " + word + " number " + i + "."));
        }
        TestApi.createClaim("The " + word + " effect holds " + System.nanoTime(), null, null).then().statusCode(201);
        // whatever the new claim's status, the claim total counts what the list shows
        var first = given().get("/api/search?q=" + word + "&size=2").then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(2)).body("approximate", equalTo(false))
                .body("documentTotal", equalTo(3)).body("documents", hasSize(2)).extract().jsonPath();
        var second = given().get("/api/search?q=" + word + "&size=2&page=2").then().statusCode(200)
                .body("page", equalTo(2)).body("documentTotal", equalTo(3)).body("documents", hasSize(1)).extract().jsonPath();
        List<Object> seen = new java.util.ArrayList<>(first.getList("documents.id"));
        seen.addAll(second.getList("documents.id"));
        assertEquals(3, seen.stream().distinct().count(), "the two pages hold the three documents once each: " + seen);
        assertEquals(first.getInt("claimTotal"), first.getList("claims").size());
        // the default page size is the pages' one
        given().get("/api/search?q=" + word).then().statusCode(200).body("size", equalTo(SearchService.PAGE_SIZE))
                .body("documents", hasSize(3));
    }

    @Test
    void refusesPagesOutOfBounds() {
        for (String bad : List.of("size=0", "size=101", "page=0", "page=-1")) {
            given().header("Accept", "application/json").get("/api/search?q=naps&" + bad).then().statusCode(400)
                    .body("error", containsString("Pages are numbered from 1"));
        }
    }

    @Test
    void anEmptyQueryIsAnEmptyPage() {
        var empty = given().get("/api/search?q=").then().statusCode(200).body("claimTotal", equalTo(0))
                .body("documentTotal", equalTo(0)).extract().jsonPath();
        assertTrue(empty.getList("claims").isEmpty() && empty.getList("documents").isEmpty());
    }
}
