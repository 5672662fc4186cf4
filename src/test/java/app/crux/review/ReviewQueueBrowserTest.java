package app.crux.review;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import app.crux.account.User;
import app.crux.web.Chromium;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

/** A reviewer rates three queue items with the keyboard alone; the claim page then shows the ratings and agreement. */
@QuarkusTest
class ReviewQueueBrowserTest {

    private static final int PER_SIDE = 5;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aReviewerWorksThroughTheQueueWithTheKeyboard() {
        Map<String, Object> claim = evenlySplitClaim();
        User reviewer = TestAccounts.create("keyboard-reviewer", Role.REVIEWER);
        try (Chromium chromium = Chromium.launch()) {
            Page page = chromium.page(1280);
            page.navigate(base + "login");
            page.keyboard().press("Tab");
            page.locator("#username").focus();
            page.keyboard().type(reviewer.username);
            page.keyboard().press("Tab");
            page.keyboard().type(TestAccounts.PASSWORD);
            page.keyboard().press("Enter");
            assertThat(page.locator("nav.primary a[data-role=reviewer]")).isVisible();
            page.navigate(base + "claims/" + claim.get("slug"));
            page.locator("a[href^='/review?claim=']").focus();
            page.keyboard().press("Enter");

            assertThat(page.locator("#claim-heading")).hasText((String) claim.get("statement"));
            assertThat(page.locator("#progress")).containsText("0 of ");
            Chromium.screenshot(page, "review-queue");
            for (String key : List.of("4", "3", "4")) {
                assertThat(page.locator("#claim-heading")).hasText((String) claim.get("statement"));
                page.keyboard().press(key);
                page.keyboard().press("Enter");
                assertThat(page.locator(".flash")).containsText("Rated");
            }
            assertThat(page.locator("#progress")).containsText(Pattern.compile("^3 of "));

            page.navigate(base + "claims/" + claim.get("slug"));
            // blind rating: 3 of 10 rated, so the claim's agreement and verdict wait; the rated cards show their ratings
            assertThat(page.locator(".claim-head .blind-note")).containsText("7 left");
            assertThat(page.locator(".claim-head .meta")).not().containsText("reviewer agreement");
            assertThat(page.locator(".evidence-card .weight").first()).containsText("high");
            Chromium.screenshot(page, "claim-after-review");
        }
    }

    /** A claim with five passages on each side, all rated HIGH by one reviewer. */
    private static Map<String, Object> evenlySplitClaim() {
        StringBuilder text = new StringBuilder("Split evidence " + System.nanoTime() + "\n\n");
        for (int i = 0; i < 2 * PER_SIDE; i++) {
            text.append("Finding ").append(i).append(" about morning mobility routines.\n\n");
        }
        long doc = TestApi.id(TestApi.importText("Split " + System.nanoTime(), text.toString()));
        Map<String, Object> claim = TestApi.createClaim("Morning mobility routines reduce stiffness " + System.nanoTime(), doc,
                "Finding 0 about morning mobility routines.").then().statusCode(201).extract().as(Map.class);
        for (int i = 1; i < 2 * PER_SIDE; i++) {
            TestApi.asEditor().body(Map.of("documentId", doc, "stance", i < PER_SIDE ? "SUPPORTS" : "CONFLICTS",
                    "exact", "Finding " + i + " about morning mobility routines.")).post("/api/claims/" + claim.get("id") + "/evidence")
                    .then().statusCode(201);
        }
        String seedReviewer = TestAccounts.token(TestAccounts.create("seed-reviewer", Role.REVIEWER));
        List<Integer> ids = given().get("/api/claims/" + claim.get("id")).then().extract().path("supports.id");
        List<Integer> conflicts = given().get("/api/claims/" + claim.get("id")).then().extract().path("conflicts.id");
        for (Integer id : java.util.stream.Stream.concat(ids.stream(), conflicts.stream()).toList()) {
            given().header("Authorization", "Bearer " + seedReviewer).contentType(ContentType.JSON)
                    .body(Map.of("strength", "HIGH")).put("/api/evidence/" + id + "/vote").then().statusCode(200);
        }
        return claim;
    }
}
