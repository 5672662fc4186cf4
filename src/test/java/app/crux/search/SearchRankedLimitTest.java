package app.crux.search;

import app.crux.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list ranks at most the newest {@code ranked} matches, so a broad query costs the same in a library of any size;
 * past the limit the page says so. The limit is 1,000 in use; these tests pass a small one to the service (the
 * page with the notice is seen on the bench's large set, where 10,000 documents match its query).
 */
@QuarkusTest
class SearchRankedLimitTest {

    @Inject
    SearchService search;

    @Test
    void ranksOnlyTheNewestMatchesAndSaysSo() {
        String word = "zr" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "y");
        // the oldest document has the word in its title, which ranks highest of the three when all are ranked
        long oldest = id(TestApi.importText("Why " + word + " matters", TestApi.unique("A first note that mentions " + word + " once.")));
        long middle = id(TestApi.importText("Second note on tendons", TestApi.unique("A second note that mentions " + word + " once.")));
        long newest = id(TestApi.importText("Third note on tendons", TestApi.unique("A third note that mentions " + word + " once.")));
        assertTrue(oldest < middle && middle < newest, "ids grow with import order");

        SearchService.Results all = search.search(word, 1, 20, 3);
        assertEquals(List.of(oldest, middle, newest), ids(all.documents()), "all three ranked, the title match first");
        assertFalse(all.capped(), "three matches fit a limit of three");

        SearchService.Results capped = search.search(word, 1, 20, 2);
        assertEquals(List.of(middle, newest), ids(capped.documents()), "only the two newest are ranked");
        assertTrue(capped.documentsCapped() && !capped.claimsCapped());
        assertEquals("More than 2 documents match these words, so the best are picked from the newest 2. Add a word to narrow "
                + "the search.", capped.cappedNotice());

        // the API's totals stop at the limit and say the list has more
        assertEquals(new SearchService.Totals(0, 2, true), search.totals(word, 2));
        assertEquals(new SearchService.Totals(0, 3, false), search.totals(word, 3));
    }

    @Test
    void theDefaultLimitLeavesASmallLibraryUncapped() {
        String word = "zs" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "w");
        TestApi.importText("Notes on " + word, TestApi.unique("Text about " + word + " and recovery."));
        given().get("/api/search?q=" + word).then().statusCode(200).body("documentTotal", equalTo(1))
                .body("capped", equalTo(false)).body("documents[0].title", equalTo("Notes on " + word));
        given().get("/search?q=" + word).then().statusCode(200).body(containsString("Notes on " + word))
                .body(not(containsString("match these words")));
    }

    private static long id(java.util.Map<String, Object> document) {
        return ((Number) document.get("id")).longValue();
    }

    private static List<Long> ids(List<SearchService.Hit> hits) {
        return hits.stream().map(SearchService.Hit::id).toList();
    }
}
