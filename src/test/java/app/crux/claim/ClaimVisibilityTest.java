package app.crux.claim;

import app.crux.TestAccounts;
import app.crux.claim.Viewers.Viewer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drafts and retracted claims are not public: every view answers 404 or leaves them out for
 * anyone who is not an editor, while the published twin built the same way is there (so no
 * check passes on an empty page); editors see them, with a banner saying why readers do not.
 */
@QuarkusTest
class ClaimVisibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VisibilityFixture f;

    /** Built on first use, once RestAssured knows the test port (not in a field initialiser). */
    @BeforeEach
    void fixture() {
        f = VisibilityFixture.get();
    }

    @Test
    void claimPagesAndTheirHistoryAre404ForReadersOfDraftsAndRetractedClaims() {
        for (String who : Viewers.READERS) {
            Viewer v = Viewers.get(who);
            v.page().get("/claims/" + f.published.slug()).then().statusCode(200).body(containsString(f.published.statement()));
            v.page().get("/claims/" + f.published.slug() + "/history").then().statusCode(200);
            for (VisibilityFixture.Claim hidden : List.of(f.draft, f.retracted)) {
                v.page().get("/claims/" + hidden.slug()).then().statusCode(404).body(not(containsString(hidden.statement())));
                v.page().get("/claims/" + hidden.slug() + "/history").then().statusCode(404);
                v.page().get("/claims/" + hidden.slug() + "?min=LOW").then().statusCode(404);
            }
        }
    }

    @Test
    void editorsSeeDraftsAndRetractedClaimsWithABannerSayingWhy() {
        Viewer editor = Viewers.get("editor");
        Document published = page(editor, "/claims/" + f.published.slug());
        assertNull(published.selectFirst(".status-banner"), "a published claim has no banner");

        Document draft = page(editor, "/claims/" + f.draft.slug());
        assertEquals(f.draft.statement(), draft.selectFirst("h1.statement").text());
        assertTrue(draft.selectFirst(".status-banner").text().startsWith("Draft — not public."), draft.select(".status-banner").text());

        Document retracted = page(editor, "/claims/" + f.retracted.slug());
        String banner = retracted.selectFirst(".status-banner").text();
        assertTrue(banner.startsWith("Retracted on "), banner);
        assertTrue(banner.contains(" UTC by " + f.editor.username + "."), banner);
        assertNotNull(retracted.selectFirst("form[action=/claims/" + f.retracted.slug() + "/restore]"), "the restore form");
        editor.page().get("/claims/" + f.retracted.slug() + "/history").then().statusCode(200).body(containsString("claim.retract"));
    }

    @Test
    void theApiAnswers404ForHiddenClaimsAndListsOnlyPublishedOnesToReaders() {
        for (String who : Viewers.READERS) {
            Viewer v = Viewers.get(who);
            v.api().get("/api/claims/" + f.published.id()).then().statusCode(200).body("status", equalTo("PUBLISHED"));
            v.api().get("/api/claims/" + f.draft.id()).then().statusCode(404).body(not(containsString(f.draft.statement())));
            v.api().get("/api/claims/" + f.retracted.id()).then().statusCode(404).body(not(containsString(f.retracted.statement())));
            List<Integer> listed = v.api().get("/api/claims?q=" + f.word).then().statusCode(200).extract().path("id");
            assertEquals(List.of((int) f.published.id()), listed, who);
            v.api().get("/api/claims/similar?q=" + f.published.statement()).then().statusCode(200)
                    .body("id", hasItem((int) f.published.id()));
            for (VisibilityFixture.Claim hidden : List.of(f.draft, f.retracted)) {
                v.api().get("/api/claims/similar?q=" + hidden.statement()).then().statusCode(200)
                        .body("id", not(hasItem((int) hidden.id())));
            }
        }
        Viewer editor = Viewers.get("editor");
        editor.api().get("/api/claims/" + f.draft.id()).then().statusCode(200).body("status", equalTo("DRAFT"));
        editor.api().get("/api/claims/" + f.retracted.id()).then().statusCode(200).body("status", equalTo("RETRACTED"));
        editor.api().get("/api/claims?q=" + f.word).then().statusCode(200).body("id", hasItem((int) f.draft.id()));
        editor.api().get("/api/claims/similar?q=" + f.draft.statement()).then().statusCode(200).body("id", hasItem((int) f.draft.id()));
    }

    @Test
    void theClaimListShowsReadersOnlyPublishedClaimsAndEditorsEveryStatus() {
        for (String who : Viewers.READERS) {
            Document list = page(Viewers.get(who), "/claims?q=" + f.word);
            assertEquals(List.of(f.published.statement()), list.select(".claim-list li a").eachText(), who);
        }
        Document list = page(Viewers.get("editor"), "/claims?q=" + f.word);
        assertEquals(List.of(f.retracted.statement(), f.draft.statement(), f.published.statement()),
                list.select(".claim-list li a").eachText());
        assertEquals(List.of("Retracted", "Draft"), list.select(".claim-list li .badge").eachText());
    }

    @Test
    void searchTagsContestedCompareAndTheMapShowReadersOnlyThePublishedClaim() {
        String compare = "?a=" + f.first.get("slug") + "&b=" + f.second.get("slug");
        for (String who : Viewers.READERS) {
            Viewer v = Viewers.get(who);
            for (String path : List.of("/search?q=" + f.word, "/tags/" + f.tag, "/contested?tag=" + f.tag, "/compare" + compare,
                    "/documents/" + f.first.get("slug"), "/documents/" + f.second.get("slug"))) {
                String html = v.page().get(path).then().statusCode(200).extract().asString();
                assertTrue(html.contains(f.published.statement()), who + " " + path);
                assertFalse(html.contains(f.draft.statement()) || html.contains(f.retracted.statement()), who + " " + path);
            }
            assertEquals(List.of(f.published.slug()),
                    v.api().get("/api/search?q=" + f.word).then().statusCode(200).extract().<List<String>>path("claims.slug"), who);
            assertEquals(List.of(f.published.slug()),
                    v.api().get("/api/contested?tag=" + f.tag).then().statusCode(200).extract().<List<String>>path("claim.slug"), who);
            assertEquals(List.of(f.published.slug()),
                    v.api().get("/api/compare" + compare).then().statusCode(200).extract().<List<String>>path("disagree.claim.slug"), who);
            // the map counts the claims two documents disagree on: three were built, one is public
            Document map = page(v, "/disagreements?tag=" + f.tag);
            assertEquals(List.of("1", "1"), map.select(".matrix-table td a").eachText(), who);
            // topics only hidden claims use are not offered, and do not exist for readers
            for (String path : List.of("/contested", "/disagreements")) {
                List<String> topics = page(v, path).select("select#tag option").eachAttr("value");
                assertTrue(topics.contains(f.tag), who + " " + path);
                assertFalse(topics.contains(f.tag + "-draft") || topics.contains(f.tag + "-retracted"), who + " " + path);
            }
            v.page().get("/tags/" + f.tag + "-draft").then().statusCode(404);
            v.page().get("/tags/" + f.tag + "-retracted").then().statusCode(404);
        }
        // a published claim reads the same to everyone; editors find drafts on /claims and in the document margins
        String editorsDocument = Viewers.get("editor").page().get("/documents/" + f.first.get("slug")).then().extract().asString();
        assertTrue(editorsDocument.contains(f.draft.statement()));
    }

    @Test
    void theHomePageAndHistoryLeaveOutEventsAboutHiddenClaims() {
        // fresh events on both sides, newest first: one about the published claim, then one about the draft
        touch(f.published);
        touch(f.draft);
        for (String who : Viewers.READERS) {
            String home = Viewers.get(who).page().get("/").then().statusCode(200).extract().asString();
            assertTrue(home.contains("Edited claim “" + f.published.statement() + "”"), who);
            assertTrue(home.contains("href=\"/claims/" + f.published.slug() + "\""), who + ": the published claim is among the most contested");
            assertFalse(home.contains(f.draft.statement()) || home.contains(f.retracted.statement()), who);
        }
        for (String who : List.of("reviewer", "admin")) {
            String history = Viewers.get(who).page().get("/history").then().statusCode(200).extract().asString();
            assertTrue(history.contains("Edited claim “" + f.published.statement() + "”"), who);
            assertFalse(history.contains(f.draft.statement()) || history.contains(f.retracted.statement()), who);
        }
        String editors = Viewers.get("editor").page().get("/history").then().statusCode(200).extract().asString();
        assertTrue(editors.contains("Edited claim “" + f.draft.statement() + "”"));
        String editorsHome = Viewers.get("editor").page().get("/").then().statusCode(200).extract().asString();
        assertTrue(editorsHome.contains("Edited claim “" + f.draft.statement() + "”"));
    }

    @Test
    void reviewersAreNeverAskedToRateEvidenceOfHiddenClaims() {
        Viewer reviewer = Viewers.get("reviewer");
        reviewer.page().get("/review?claim=" + f.published.slug()).then().statusCode(200).body(containsString(f.published.statement()));
        for (VisibilityFixture.Claim hidden : List.of(f.draft, f.retracted)) {
            reviewer.page().get("/review?claim=" + hidden.slug()).then().statusCode(200).body(not(containsString(hidden.statement())));
            reviewer.api().contentType(ContentType.JSON).body(Map.of("strength", "LOW"))
                    .put("/api/evidence/" + hidden.evidence().get(0) + "/vote").then().statusCode(404);
            Viewers.get("anonymous").api().get("/api/evidence/" + hidden.evidence().get(0) + "/votes").then().statusCode(404);
        }
        Viewers.get("anonymous").api().get("/api/evidence/" + f.published.evidence().get(0) + "/votes").then().statusCode(200)
                .body("votes.strength", hasItem("HIGH"));
        // the rater's page lists their ratings with the claims they were on: readers see only the published claim's
        // (the peer rated every item too, so blind rating hides nothing from them: only visibility can)
        Viewer peer = new Viewer("peer", f.peer, TestAccounts.login(f.peer), null);
        for (Viewer v : List.of(Viewers.get("anonymous"), Viewers.get("reader"), Viewers.get("admin"), peer)) {
            String ratings = v.page().get("/reviewers/" + f.rater.username).then().statusCode(200).extract().asString();
            assertTrue(ratings.contains(f.published.statement()), v.name());
            assertFalse(ratings.contains(f.draft.statement()) || ratings.contains(f.retracted.statement()), v.name());
        }
        Viewers.get("editor").page().get("/reviewers/" + f.rater.username).then().statusCode(200)
                .body(containsString(f.draft.statement())).body(containsString(f.retracted.statement()));
    }

    @Test
    void claimReviewJsonLdOnlyForPublishedClaimsWithAVerdict() throws Exception {
        Document published = page(Viewers.get("anonymous"), "/claims/" + f.published.slug());
        var review = JSON.readTree(published.selectFirst("script[type=application/ld+json]").data());
        assertEquals("ClaimReview", review.get("@type").asText());
        assertEquals("Contested", review.at("/reviewRating/alternateName").asText());
        Viewer editor = Viewers.get("editor");
        assertNull(page(editor, "/claims/" + f.draft.slug()).selectFirst("script[type=application/ld+json]"));
        assertNull(page(editor, "/claims/" + f.retracted.slug()).selectFirst("script[type=application/ld+json]"));
        String unrated = f.asEditor().body(Map.of("statement", "Unrated rest days need no rating " + System.nanoTime()))
                .post("/api/claims").then().statusCode(201).extract().path("slug");
        Document page = page(Viewers.get("anonymous"), "/claims/" + unrated);
        assertEquals("Unreviewed", page.selectFirst(".claim-head .verdict").text());
        assertNull(page.selectFirst("script[type=application/ld+json]"), "no ClaimReview for an unreviewed claim");
    }

    private void touch(VisibilityFixture.Claim claim) {
        int version = f.asEditor().get("/api/claims/" + claim.id()).then().statusCode(200).extract().path("version");
        f.asEditor().body(Map.of("version", version, "statement", claim.statement())).patch("/api/claims/" + claim.id())
                .then().statusCode(200);
    }

    static Document page(Viewer viewer, String path) {
        return Jsoup.parse(viewer.page().get(path).then().statusCode(200).extract().asString());
    }
}
