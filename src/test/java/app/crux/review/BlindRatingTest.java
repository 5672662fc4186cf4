package app.crux.review;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static app.crux.review.TwoReviewers.RATIONALE_CONFLICT;
import static app.crux.review.TwoReviewers.RATIONALE_SUPPORT;
import static app.crux.review.TwoReviewers.html;
import static app.crux.review.TwoReviewers.vote;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Blind rating in every view: reviewer B has rated both passages of a claim, reviewer A none.
 * Each view is checked as A (nothing of B's ratings), as a reader or editor (the same view does show
 * them, so an empty page cannot pass), and as A after rating (it appears).
 */
@QuarkusTest
class BlindRatingTest {

    @Test
    void theClaimPageHidesUnratedItemsAndTheClaimsAggregatesUntilEveryItemIsRated() {
        TwoReviewers f = new TwoReviewers();
        String cookieA = TestAccounts.login(f.a);

        Document reader = Jsoup.parse(html(null, f.page()));
        assertTrue(card(reader, f.support).contains("Weight 4.00"), "readers see the weight");
        assertTrue(card(reader, f.support).contains(RATIONALE_SUPPORT));
        assertTrue(reader.select("#supports-heading").text().contains("weight 4.00"));
        assertTrue(reader.select("#conflicts-heading").text().contains("weight 2.00"));
        assertEquals("Contested", reader.select(".claim-head .verdict").text());
        assertFalse(reader.select(".claim-head svg.meter").isEmpty());
        assertTrue(reader.select(".claim-head .meta").text().contains("reviewer agreement"));
        assertFalse(reader.select("script[type=application/ld+json]").isEmpty());

        String pageA = html(cookieA, f.page());
        Document blind = Jsoup.parse(pageA);
        assertTrue(card(blind, f.support).contains("Your rating is blind"));
        assertFalse(pageA.contains("4.00") || pageA.contains("2.00"), "no weight anywhere on the page");
        assertFalse(pageA.contains(RATIONALE_SUPPORT) || pageA.contains(RATIONALE_CONFLICT));
        assertFalse(pageA.contains("1 high") || pageA.contains("1 low"), "no distribution");
        assertFalse(blind.select("#supports-heading").text().contains("weight"));
        assertFalse(blind.select("#conflicts-heading").text().contains("weight"));
        assertTrue(blind.select(".claim-head .verdict").text().contains("hidden"));
        assertTrue(blind.select(".verdict:not(.blind)").isEmpty(), "no verdict on the page");
        assertFalse(blind.select("meta[property=og:description]").attr("content").contains("Contested"), "nor in its head");
        assertTrue(reader.select("meta[property=og:description]").attr("content").contains("Contested"));
        assertTrue(blind.select(".claim-head svg.meter").isEmpty(), "no contestedness meter");
        assertFalse(pageA.contains("contestedness ") && pageA.contains("%</span>"));
        assertFalse(blind.select(".claim-head .meta").text().contains("reviewer agreement"));
        assertTrue(blind.select("script[type=application/ld+json]").isEmpty(), "the JSON-LD carries the verdict");
        assertTrue(blind.select(".blind-note").text().contains("2 left"));

        vote(f.tokenA, f.support, Map.of("strength", "MODERATE")).then().statusCode(200);
        Document half = Jsoup.parse(html(cookieA, f.page()));
        assertTrue(card(half, f.support).contains("Weight 3.50"), "a rated item shows everything");
        assertTrue(card(half, f.support).contains(RATIONALE_SUPPORT));
        assertTrue(card(half, f.conflict).contains("Your rating is blind"));
        assertFalse(half.html().contains(RATIONALE_CONFLICT) || half.html().contains("2.00"));
        assertTrue(half.select(".blind-note").text().contains("1 left"), "claim aggregates wait for every item");
        assertTrue(half.select(".claim-head svg.meter").isEmpty());

        vote(f.tokenA, f.conflict, Map.of("strength", "LOW")).then().statusCode(200);
        Document all = Jsoup.parse(html(cookieA, f.page()));
        assertTrue(card(all, f.conflict).contains("Weight 2.00") && card(all, f.conflict).contains(RATIONALE_CONFLICT));
        assertTrue(all.select("#supports-heading").text().contains("weight 3.50"));
        assertEquals("Contested", all.select(".claim-head .verdict").text());
        assertFalse(all.select(".claim-head svg.meter").isEmpty());
        assertTrue(all.select(".claim-head .meta").text().contains("reviewer agreement α"));
        assertTrue(all.select(".blind-note").isEmpty());
    }

    @Test
    void theMinimumStrengthFilterNeverDropsAnItemTheReviewerHasNotRated() {
        TwoReviewers f = new TwoReviewers();
        String cookieA = TestAccounts.login(f.a);
        Document reader = Jsoup.parse(html(null, f.page() + "?min=MODERATE"));
        assertTrue(reader.select("#evidence-" + f.conflict).isEmpty(), "readers: the low item is filtered out");
        assertTrue(reader.text().contains("1 weaker item(s) hidden"));

        Document blind = Jsoup.parse(html(cookieA, f.page() + "?min=MODERATE"));
        assertFalse(blind.select("#evidence-" + f.conflict).isEmpty(), "dropping it would tell A its weight");
        assertFalse(blind.select("#evidence-" + f.support).isEmpty());
        assertTrue(blind.text().contains("0 weaker item(s) you have rated hidden"));

        vote(f.tokenA, f.conflict, Map.of("strength", "LOW")).then().statusCode(200);
        Document rated = Jsoup.parse(html(cookieA, f.page() + "?min=MODERATE"));
        assertTrue(rated.select("#evidence-" + f.conflict).isEmpty(), "once rated, the filter applies to it");
    }

    @Test
    void theClaimApiWithholdsWeightsCountsAndAggregatesFromAReviewerWhoHasNotRated() {
        TwoReviewers f = new TwoReviewers();
        String path = "/api/claims/" + f.claimId;
        given().get(path).then().statusCode(200).body("verdict", equalTo("CONTESTED")).body("supportWeight", equalTo(4.0f))
                .body("contestedness", notNullValue()).body("ratingsHidden", equalTo(false))
                .body("supports[0].weight", equalTo(4.0f)).body("supports[0].voteCount", equalTo(1))
                .body("conflicts[0].weight", equalTo(2.0f));
        given().header("Authorization", "Bearer " + TestApi.editorToken()).get(path).then()
                .body("supportWeight", equalTo(4.0f)).body("supports[0].voteCount", equalTo(1));

        given().header("Authorization", "Bearer " + f.tokenA).get(path).then().statusCode(200)
                .body("ratingsHidden", equalTo(true)).body("unratedByYou", equalTo(2))
                .body("verdict", nullValue()).body("contestedness", nullValue())
                .body("supportWeight", nullValue()).body("conflictWeight", nullValue())
                .body("supports[0].id", equalTo((int) f.support)).body("supports[0].weight", nullValue())
                .body("supports[0].voteCount", nullValue()).body("conflicts[0].weight", nullValue())
                .body("conflicts[0].voteCount", nullValue());
        given().header("Authorization", "Bearer " + f.tokenA).get("/api/evidence/" + f.support + "/votes").then()
                .body("hidden", equalTo(true)).body("votes", hasSize(0));

        vote(f.tokenA, f.support, Map.of("strength", "MODERATE")).then().statusCode(200);
        given().header("Authorization", "Bearer " + f.tokenA).get(path).then()
                .body("unratedByYou", equalTo(1)).body("verdict", nullValue()).body("supportWeight", nullValue())
                .body("supports[0].weight", equalTo(3.5f)).body("supports[0].voteCount", equalTo(2))
                .body("conflicts[0].weight", nullValue());
        vote(f.tokenA, f.conflict, Map.of("strength", "LOW")).then().statusCode(200);
        given().header("Authorization", "Bearer " + f.tokenA).get(path).then()
                .body("ratingsHidden", equalTo(false)).body("verdict", equalTo("CONTESTED"))
                .body("supportWeight", equalTo(3.5f)).body("conflicts[0].weight", equalTo(2.0f));
    }

    @Test
    void theQueueShowsTheOtherSidesWeightOnlyOnceTheReviewerHasRatedIt() {
        TwoReviewers f = new TwoReviewers();
        String cookieA = TestAccounts.login(f.a);
        Document queue = Jsoup.parse(html(cookieA, "/review?claim=" + f.slug));
        assertTrue(queue.select("form#rate-form").attr("action").endsWith("/evidence/" + f.support + "/vote"));
        String otherSide = queue.select("aside.other-side").text();
        assertTrue(otherSide.contains(TwoReviewers.CONFLICT), "the other side's passage is shown");
        assertFalse(otherSide.contains("weight 2.00"), otherSide);
        assertTrue(otherSide.contains("weight stays hidden"));
        // B, who rated it, sees its weight in the same place (after withdrawing B's rating of the
        // supporting passage, so the queue has something to show): the view is not simply empty
        given().header("Authorization", "Bearer " + f.tokenB).delete("/api/evidence/" + f.support + "/vote").then().statusCode(200);
        Document queueB = Jsoup.parse(html(TestAccounts.login(f.b), "/review?claim=" + f.slug));
        assertTrue(queueB.select("aside.other-side").text().contains("weight 2.00"), queueB.select("aside.other-side").text());

        vote(f.tokenA, f.conflict, Map.of("strength", "LOW")).then().statusCode(200);
        Document after = Jsoup.parse(html(cookieA, "/review?claim=" + f.slug));
        assertTrue(after.select("aside.other-side").text().contains("weight 2.00"));
        // the whole queue (no claim: the nullable parameter bound as null) answers too
        assertFalse(Jsoup.parse(html(cookieA, "/review")).select("h1").isEmpty());
    }

    @Test
    void historyHidesOthersRatingEventsOnItemsTheReviewerHasNotRated() {
        TwoReviewers f = new TwoReviewers();
        String ratedHigh = "Rated high on “" + f.statement + "”";
        String ratedLow = "Rated low on “" + f.statement + "”";
        String editor = TestAccounts.login(TestAccounts.create("blind-history-editor", Role.EDITOR));
        String seenByEditor = html(editor, "/history");
        assertTrue(seenByEditor.contains(ratedHigh) && seenByEditor.contains(ratedLow), "editors see rating events");

        String cookieA = TestAccounts.login(f.a);
        String seenByA = html(cookieA, "/history");
        assertFalse(seenByA.contains(ratedHigh) || seenByA.contains(ratedLow));
        assertTrue(seenByA.contains(f.statement), "the claim's own events still show");

        vote(f.tokenA, f.support, Map.of("strength", "MODERATE")).then().statusCode(200);
        String afterA = html(cookieA, "/history");
        assertTrue(afterA.contains(ratedHigh), "B's rating of the item A rated");
        assertTrue(afterA.contains("Rated moderate on “" + f.statement + "”"), "A's own");
        assertFalse(afterA.contains(ratedLow), "still hidden: A has not rated the conflicting passage");
    }

    @Test
    void aReviewersPageShowsOthersOnlyTheItemsTheyHaveRatedAndNeverAnswers500() {
        TwoReviewers f = new TwoReviewers();
        String path = "/reviewers/" + f.b.username;
        String reader = html(null, path);
        assertTrue(reader.contains(RATIONALE_SUPPORT) && reader.contains(RATIONALE_CONFLICT), "readers see B's votes");
        String self = html(TestAccounts.login(f.b), path);
        assertTrue(self.contains(RATIONALE_SUPPORT) && self.contains(RATIONALE_CONFLICT), "B sees their own votes");
        String editor = html(TestAccounts.login(TestAccounts.create("blind-page-editor", Role.EDITOR)), path);
        assertTrue(editor.contains(RATIONALE_SUPPORT));

        String cookieA = TestAccounts.login(f.a);
        String blind = html(cookieA, path);
        assertFalse(blind.contains(RATIONALE_SUPPORT) || blind.contains(RATIONALE_CONFLICT) || blind.contains(f.statement));
        assertTrue(blind.contains("2 more rating(s) stay hidden"));

        vote(f.tokenA, f.support, Map.of("strength", "HIGH")).then().statusCode(200);
        String after = html(cookieA, path);
        assertTrue(after.contains(RATIONALE_SUPPORT));
        assertFalse(after.contains(RATIONALE_CONFLICT));
        assertTrue(after.contains("1 more rating(s) stay hidden"));
        // A's own page, with a vote on it, as A and as a reader
        assertTrue(html(cookieA, "/reviewers/" + f.a.username).contains(f.statement));
        assertTrue(html(null, "/reviewers/" + f.a.username).contains(f.statement));
    }

    @Test
    void claimListsShowAClaimsVerdictAndWeightsToAReviewerOnlyOnceTheyHaveRatedAllOfIt() {
        TwoReviewers f = new TwoReviewers();
        String cookieA = TestAccounts.login(f.a);
        for (String list : new String[] {"/contested?tag=" + f.tag, "/tags/" + f.tag}) {
            String reader = html(null, list);
            assertTrue(reader.contains(f.statement) && reader.contains("Contested"), list);
            Document blind = Jsoup.parse(html(cookieA, list));
            assertTrue(blind.text().contains(f.statement), list);
            assertTrue(blind.select("main .verdict:not(.blind), .contested-list .verdict:not(.blind), .claim-list .verdict:not(.blind)")
                    .isEmpty(), list);
            assertFalse(blind.html().contains("4.00") || blind.html().contains("2.00"), list);
        }
        assertTrue(html(null, "/contested?tag=" + f.tag).contains("Supports 4.00"));
        given().get("/api/contested?tag=" + f.tag).then().body("[0].contestedness", notNullValue())
                .body("[0].claim.verdict", equalTo("CONTESTED")).body("[0].supportWeight", equalTo(4.0f));
        given().header("Authorization", "Bearer " + f.tokenA).get("/api/contested?tag=" + f.tag).then()
                .body("[0].claim.slug", equalTo(f.slug)).body("[0].contestedness", nullValue())
                .body("[0].supportWeight", nullValue()).body("[0].claim.verdict", nullValue());

        vote(f.tokenA, f.support, Map.of("strength", "HIGH")).then().statusCode(200);
        assertFalse(html(cookieA, "/contested?tag=" + f.tag).contains("Supports 4.00"), "one item left to rate");
        vote(f.tokenA, f.conflict, Map.of("strength", "LOW")).then().statusCode(200);
        assertTrue(html(cookieA, "/contested?tag=" + f.tag).contains("Supports 4.00"));
        assertTrue(html(cookieA, "/tags/" + f.tag).contains("Contested"));
        given().header("Authorization", "Bearer " + f.tokenA).get("/api/contested?tag=" + f.tag).then()
                .body("[0].supportWeight", equalTo(4.0f));
    }

    @Test
    void aReviewerWhoIsAlsoAnEditorRatesBlindToo() {
        TwoReviewers f = new TwoReviewers();
        String both = TestAccounts.token(TestAccounts.create("blind-both", Role.EDITOR, Role.REVIEWER));
        given().header("Authorization", "Bearer " + both).get("/api/claims/" + f.claimId).then()
                .body("ratingsHidden", equalTo(true)).body("supports[0].weight", nullValue());
        String admin = TestAccounts.token(TestAccounts.create("blind-admin", Role.ADMIN));
        given().header("Authorization", "Bearer " + admin).get("/api/claims/" + f.claimId).then()
                .body("ratingsHidden", equalTo(false)).body("supports[0].weight", equalTo(4.0f));
    }

    @Test
    void aReviewersClaimPageReadsTheirRatingsOnceWhateverTheNumberOfCards() {
        TwoReviewers small = new TwoReviewers();
        TwoReviewers large = new TwoReviewers();
        for (int i = 0; i < 12; i++) {
            String sentence = "Extra observation " + i + " " + large.unique + ".";
            var doc = TestApi.importText("Extra " + i + " " + large.unique, "Notes " + large.unique + "\n\n" + sentence);
            TestApi.asEditor().body(Map.of("documentId", doc.get("id"), "stance", i % 2 == 0 ? "SUPPORTS" : "CONFLICTS", "exact", sentence))
                    .post("/api/claims/" + large.claimId + "/evidence").then().statusCode(201);
        }
        String cookie = TestAccounts.login(small.a);
        vote(small.tokenA, small.support, Map.of("strength", "LOW")).then().statusCode(200);
        vote(small.tokenA, large.support, Map.of("strength", "LOW")).then().statusCode(200);
        assertEquals(statements(cookie, small.page()), statements(cookie, large.page()));
    }

    private long statements(String cookie, String path) {
        html(cookie, path);
        var statistics = entityManagerFactory.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        long before = statistics.getPrepareStatementCount();
        html(cookie, path);
        return statistics.getPrepareStatementCount() - before;
    }

    @jakarta.inject.Inject
    jakarta.persistence.EntityManagerFactory entityManagerFactory;

    private static String card(Document page, long evidence) {
        var card = page.selectFirst("#evidence-" + evidence);
        assertNotNull(card, "card of evidence " + evidence);
        return card.text();
    }
}
