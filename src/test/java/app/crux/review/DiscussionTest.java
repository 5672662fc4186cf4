package app.crux.review;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import app.crux.account.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static app.crux.review.TwoReviewers.html;
import static app.crux.review.TwoReviewers.vote;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reconciliation after blind rating: split ratings mark an item, its raters (and editors who do not rate)
 * discuss it in a thread nobody else can read, a changed rating or a resolution note clears the mark.
 * The fixture: B rated the supporting passage HIGH and the conflicting one LOW; A rates to split or agree.
 */
@QuarkusTest
class DiscussionTest {

    @Inject
    EntityManager em;

    private static RequestSpecification as(String token) {
        // agreements are compared as doubles
        return given().config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE)))
                .header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static String thread(long evidence) {
        return "/api/evidence/" + evidence + "/discussion";
    }

    /** A and B disagree on the supporting passage (HIGH against LOW) and agree on the conflicting one. */
    private static TwoReviewers split() {
        TwoReviewers f = new TwoReviewers();
        vote(f.tokenA, f.conflict, Map.of("strength", "LOW")).then().statusCode(200);
        as(f.tokenB).get(thread(f.conflict)).then().statusCode(404);
        vote(f.tokenA, f.support, Map.of("strength", "LOW", "rationale", "Only self-reported strains")).then().statusCode(200);
        return f;
    }

    @Test
    void splitRatingsMarkTheItemAndAChangedRatingClearsItWithAgreementBeforeAndAfter() {
        TwoReviewers f = split();
        as(f.tokenB).get(thread(f.support)).then().statusCode(200).body("needsDiscussion", equalTo(true))
                .body("claimId", equalTo((int) f.claimId)).body("posts", hasSize(0))
                .body("alphaAtMark", closeTo(0.0, 1e-9)).body("alphaNow", closeTo(0.0, 1e-9)).body("resolution", nullValue());
        Object[] stored = (Object[]) em.createNativeQuery("SELECT open, alpha_at_mark FROM discussion WHERE evidence_id = :e")
                .setParameter("e", f.support).getSingleResult();
        assertEquals(true, stored[0]);
        assertEquals(0.0, ((Number) stored[1]).doubleValue(), 1e-9);

        as(f.tokenA).body(Map.of("body", "Self-reports overcount strains; I'd call it low.")).post(thread(f.support) + "/posts")
                .then().statusCode(201).body("author", equalTo(f.a.displayName)).body("evidenceId", equalTo((int) f.support));
        as(f.tokenB).body(Map.of("body", "Fair, but the cohort was large.\nModerate at least?")).post(thread(f.support) + "/posts")
                .then().statusCode(201);
        // A is moved and re-rates: one level apart no longer needs discussion; the history keeps both ratings
        vote(f.tokenA, f.support, Map.of("strength", "MODERATE")).then().statusCode(200).body("replaced", equalTo(true));
        as(f.tokenA).get(thread(f.support)).then().statusCode(200).body("needsDiscussion", equalTo(false))
                .body("posts.body", equalTo(List.of("Self-reports overcount strains; I'd call it low.",
                        "Fair, but the cohort was large.\nModerate at least?")))
                .body("alphaAtMark", closeTo(0.0, 1e-9)).body("alphaNow", closeTo(5.0 / 6, 1e-9));
        @SuppressWarnings("unchecked")
        List<Object[]> history = em.createNativeQuery("""
                SELECT action, before ->> 'strength', after ->> 'strength' FROM audit_event
                WHERE entity_type = 'evidence' AND entity_id = :e AND actor_id = :a AND action LIKE 'vote.%' ORDER BY id""")
                .setParameter("e", f.support).setParameter("a", f.a.id).getResultList();
        assertEquals(List.of("vote.cast null LOW", "vote.replace LOW MODERATE"),
                history.stream().map(r -> r[0] + " " + r[1] + " " + r[2]).toList());
        assertEquals(2L, count("SELECT count(*) FROM audit_event WHERE action = 'discussion.post' AND entity_id = " + f.support));

        // splitting again re-marks it; the agreement at the first mark stays
        vote(f.tokenA, f.support, Map.of("strength", "VERY_LOW")).then().statusCode(200);
        as(f.tokenA).get(thread(f.support)).then().body("needsDiscussion", equalTo(true)).body("alphaAtMark", closeTo(0.0, 1e-9));
        // withdrawing the lone dissent clears it too
        given().header("Authorization", "Bearer " + f.tokenA).delete("/api/evidence/" + f.support + "/vote").then().statusCode(200);
        as(f.tokenB).get(thread(f.support)).then().body("needsDiscussion", equalTo(false));
    }

    @Test
    void aStanceSplitMarksTheItem() {
        TwoReviewers f = new TwoReviewers();
        vote(f.tokenA, f.conflict, Map.of("strength", "LOW", "disputesStance", true)).then().statusCode(200);
        as(f.tokenA).get(thread(f.conflict)).then().statusCode(200).body("needsDiscussion", equalTo(true));
        as(f.tokenA).get(thread(f.support)).then().statusCode(404);
    }

    @Test
    void nobodyButItsRatersAndEditorsLearnsOfTheThread() {
        TwoReviewers f = split();
        as(f.tokenA).body(Map.of("body", "Posted by A, secret-" + f.unique)).post(thread(f.support) + "/posts").then().statusCode(201);
        User c = TestAccounts.create("discuss-c", Role.REVIEWER);
        String tokenC = TestAccounts.token(c);
        User editorReviewer = TestAccounts.create("discuss-er", Role.EDITOR, Role.REVIEWER);

        // a reviewer who has not rated it: the same 404 as for an item never discussed, no ratings in it
        String marked = as(tokenC).get(thread(f.support)).then().statusCode(404).extract().asString();
        String never = as(tokenC).get(thread(f.conflict)).then().statusCode(404).extract().asString();
        assertEquals(never.replace(String.valueOf(f.conflict), "ID"), marked.replace(String.valueOf(f.support), "ID"));
        assertFalse(marked.contains("secret-") || marked.contains("HIGH") || marked.contains("LOW"), marked);
        as(tokenC).body(Map.of("body", "let me in")).post(thread(f.support) + "/posts").then().statusCode(404);
        as(TestAccounts.token(editorReviewer)).get(thread(f.support)).then().statusCode(404);
        // readers: nothing, and no writing
        given().get(thread(f.support)).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("body", "anon")).post(thread(f.support) + "/posts").then().statusCode(401);
        String readerToken = TestAccounts.token(TestAccounts.create("discuss-reader"));
        as(readerToken).body(Map.of("body", "reader")).post(thread(f.support) + "/posts").then().statusCode(403);
        // an editor who does not rate takes part
        as(TestApi.editorToken()).get(thread(f.support)).then().statusCode(200).body("posts", hasSize(1));
        as(TestApi.editorToken()).body(Map.of("body", "Editor here: check table 2.")).post(thread(f.support) + "/posts")
                .then().statusCode(201);
        assertEquals(0L, count("SELECT count(*) FROM discussion_post WHERE author_id = " + c.id));

        // pages: C's claim page and tab show nothing of it; the reader's page neither
        String cCookie = TestAccounts.login(c);
        Element card = Jsoup.parse(html(cCookie, f.page())).selectFirst("#evidence-" + f.support);
        assertNotNull(card);
        assertTrue(card.select("section.discussion").isEmpty());
        assertFalse(card.text().contains("secret-") || card.text().toLowerCase().contains("discussion"), card.text());
        String cTab = html(cCookie, "/review/discussion");
        assertFalse(cTab.contains(f.statement), "C's tab lists nothing of it");
        assertTrue(Jsoup.parse(cTab).text().contains("Nothing needs discussion"));
        String reader = html(null, f.page());
        assertFalse(reader.contains("secret-") || reader.contains("Needs discussion"));
        // nor the history: the posts' events are for participants only
        String posted = "Posted in the discussion of a passage on “" + f.statement + "”";
        assertFalse(Jsoup.parse(html(cCookie, "/history")).text().contains(posted));
        assertFalse(Jsoup.parse(html(null, "/history")).text().contains(posted));
        assertTrue(Jsoup.parse(html(TestAccounts.login(f.b), "/history")).text().contains(posted), "a participant sees it");
    }

    @Test
    void postsArePlainTextBoundedAndRefusedWhenMalformed() {
        TwoReviewers f = split();
        String url = thread(f.support) + "/posts";
        as(f.tokenA).body(Map.of("body", "   ")).post(url).then().statusCode(400).body("error", containsString("Write the post"));
        as(f.tokenA).body(Map.of("body", "x".repeat(2001))).post(url).then().statusCode(400).body("error", containsString("2000"));
        as(f.tokenA).body(Map.of("body", "bell\u0007 and nul\u0000")).post(url).then().statusCode(400)
                .body("error", containsString("plain text"));
        as(f.tokenA).body("{}").post(url).then().statusCode(400);
        as(f.tokenA).body("[1]").post(url).then().statusCode(400);
        given().header("Authorization", "Bearer " + f.tokenA).contentType(ContentType.TEXT).body("plain words").post(url)
                .then().statusCode(415);
        given().header("Authorization", "Bearer " + f.tokenA).contentType(ContentType.JSON).body("{\"body\": \"x\"}")
                .post("/api/evidence/" + f.support + ";x=1/discussion/posts").then().statusCode(400);
        as(f.tokenA).body(Map.of("body", "x".repeat(2000))).post(url).then().statusCode(201);
        String markup = "<script>alert(1)</script><b>bold</b>";
        as(f.tokenA).body(Map.of("body", markup)).post(url).then().statusCode(201).body("body", equalTo(markup));
        assertEquals(2L, count("SELECT count(*) FROM discussion_post WHERE evidence_id = " + f.support));
        String page = html(TestAccounts.login(f.a), f.page());
        assertFalse(page.contains("<script>alert(1)"), "markup is escaped");
        assertEquals(markup, Jsoup.parse(page).select("#discussion-" + f.support + " .post-body").last().text());
    }

    @Test
    void anEditorsResolutionClearsTheMarkAndReadersSeeIt() {
        TwoReviewers f = split();
        String note = "Both agree the cohort is large but self-reported; moderate is fair " + f.unique;
        as(f.tokenA).body(Map.of("note", note)).put(thread(f.support) + "/resolution").then().statusCode(403);
        as(TestApi.editorToken()).body(Map.of("note", "")).put(thread(f.support) + "/resolution").then().statusCode(400);
        as(TestApi.editorToken()).body(Map.of("note", "y".repeat(1001))).put(thread(f.support) + "/resolution").then().statusCode(400);
        as(TestApi.editorToken()).body(Map.of("note", note)).put(thread(f.conflict) + "/resolution").then().statusCode(404);
        as(TestApi.editorToken()).body(Map.of("note", note)).put(thread(f.support) + "/resolution").then().statusCode(200)
                .body("needsDiscussion", equalTo(false)).body("resolution.note", equalTo(note))
                .body("resolution.by", equalTo("api-editor person"));
        assertEquals(1L, count("SELECT count(*) FROM discussion WHERE NOT open AND resolved_at IS NOT NULL AND evidence_id = " + f.support));
        assertEquals(1L, count("SELECT count(*) FROM audit_event WHERE action = 'discussion.resolve' AND entity_id = " + f.support));

        Element readerCard = Jsoup.parse(html(null, f.page())).selectFirst("#evidence-" + f.support);
        assertEquals("Reviewers discussed this: " + note, readerCard.selectFirst("p.resolution").text());
        assertTrue(readerCard.select("form, ol.posts").isEmpty(), "readers get the note only");
        // a reviewer who has not rated it sees its card blind: no note
        String cCookie = TestAccounts.login(TestAccounts.create("discuss-blind", Role.REVIEWER));
        assertFalse(html(cCookie, f.page()).contains(note));
        // resolved stays resolved when the ratings split again
        vote(f.tokenA, f.support, Map.of("strength", "VERY_LOW")).then().statusCode(200);
        as(f.tokenB).get(thread(f.support)).then().body("needsDiscussion", equalTo(false)).body("resolution.note", equalTo(note));
    }

    @Test
    void theNoJsFormsPostAndResolveFromTheCardAndTheTab() {
        TwoReviewers f = split();
        String aCookie = TestAccounts.login(f.a);
        Document tab = Jsoup.parse(html(aCookie, "/review/discussion"));
        assertEquals("Needs discussion 1", tab.selectFirst("nav.page-tabs a[aria-current=page]").text());
        Element item = tab.selectFirst("#discussion-" + f.support);
        assertNotNull(item, "the tab lists the item A rated");
        assertTrue(item.text().contains("Needs discussion"));
        assertTrue(item.text().contains("α 0.00 when this passage was marked, 0.00 now"), item.text());
        Element form = item.selectFirst("form.post-form");
        assertEquals("/evidence/" + f.support + "/discussion", form.attr("action"));
        assertTrue(item.select("form.resolution-form").isEmpty(), "reviewers do not resolve");
        var csrf = TwoReviewers.csrf(aCookie, "/review/discussion");
        given().redirects().follow(false).cookie(SESSION_COOKIE, aCookie).cookie("crux-csrf", csrf.cookie())
                .formParam("csrf-token", csrf.token()).formParam("body", "From the tab, no script")
                .formParam("back", "/review/discussion").post(form.attr("action"))
                .then().statusCode(303).header("Location", containsString("/review/discussion#discussion-" + f.support));
        // without the token the form is refused and nothing is stored
        given().redirects().follow(false).cookie(SESSION_COOKIE, aCookie).formParam("body", "forged")
                .post(form.attr("action")).then().statusCode(403);
        given().redirects().follow(false).cookie(SESSION_COOKIE, aCookie).cookie("crux-csrf", csrf.cookie())
                .formParam("csrf-token", csrf.token()).formParam("body", "").formParam("back", f.page()).post(form.attr("action"))
                .then().statusCode(303);
        assertEquals(List.of("From the tab, no script"), em.createNativeQuery(
                "SELECT body FROM discussion_post WHERE evidence_id = :e ORDER BY id").setParameter("e", f.support).getResultList());
        Element card = Jsoup.parse(html(aCookie, f.page())).selectFirst("#evidence-" + f.support);
        assertEquals("From the tab, no script", card.selectFirst(".post-body").text());

        // the editor resolves from the claim page's card
        String editorCookie = TestAccounts.login(TestAccounts.create("discuss-editor", Role.EDITOR));
        Element resolution = Jsoup.parse(html(editorCookie, f.page())).selectFirst("#evidence-" + f.support + " form.resolution-form");
        assertNotNull(resolution);
        var editorCsrf = TwoReviewers.csrf(editorCookie, f.page());
        given().redirects().follow(false).cookie(SESSION_COOKIE, editorCookie).cookie("crux-csrf", editorCsrf.cookie())
                .formParam("csrf-token", editorCsrf.token()).formParam("note", "Settled on moderate.").formParam("back", f.page())
                .post(resolution.attr("action")).then().statusCode(303)
                .header("Location", containsString(f.page() + "#evidence-" + f.support));
        assertEquals("Reviewers discussed this: Settled on moderate.",
                Jsoup.parse(html(null, f.page())).selectFirst("#evidence-" + f.support + " p.resolution").text());
        assertTrue(Jsoup.parse(html(aCookie, "/review/discussion")).text().contains("Nothing needs discussion"));
    }

    @Test
    void aRetractedClaimsDiscussionIsClosed() {
        TwoReviewers f = split();
        TestApi.asEditor().post("/api/claims/" + f.claimId + "/retract").then().statusCode(200);
        as(f.tokenA).get(thread(f.support)).then().statusCode(404);
        as(f.tokenA).body(Map.of("body", "still here?")).post(thread(f.support) + "/posts").then().statusCode(404);
        as(TestApi.editorToken()).body(Map.of("body", "closed?")).post(thread(f.support) + "/posts").then().statusCode(400)
                .body("error", containsString("retracted"));
        assertNull(em.createNativeQuery("SELECT max(id) FROM discussion_post WHERE evidence_id = :e").setParameter("e", f.support)
                .getSingleResult());
        assertFalse(html(TestAccounts.login(f.a), "/review/discussion").contains(f.statement));
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
