package app.crux.review;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import app.crux.account.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Editors ask named reviewers to rate a claim: first in their queue, progress on the claim, audited. */
@QuarkusTest
class RatingRequestTest {

    @Inject
    EntityManager em;

    private static String requests(long claimId) {
        return "/api/claims/" + claimId + "/rating-requests";
    }

    @Test
    void askedClaimsComeFirstInTheQueueAndTheClaimShowsProgress() {
        TwoReviewers asked = new TwoReviewers();
        TwoReviewers other = new TwoReviewers();
        User c = TestAccounts.create("ask-c", Role.REVIEWER);
        String tokenC = TestAccounts.token(c);
        // C starts on the other claim, which would otherwise come first as the claim in progress
        vote(tokenC, other.support, Map.of("strength", "HIGH")).then().statusCode(200);
        String cCookie = TestAccounts.login(c);
        assertEquals("/evidence/" + other.conflict + "/vote",
                Jsoup.parse(html(cCookie, "/review")).selectFirst("form#rate-form").attr("action"), "set-up: the started claim first");

        TestApi.asEditor().body(Map.of("reviewers", List.of(asked.b.username, c.username))).post(requests(asked.claimId))
                .then().statusCode(200).body("newlyAsked", equalTo(List.of(asked.b.username, c.username)))
                .body("asked", equalTo(2)).body("done", equalTo(1));
        Document queue = Jsoup.parse(html(cCookie, "/review"));
        String next = queue.selectFirst("form#rate-form").attr("action");
        assertTrue(next.equals("/evidence/" + asked.support + "/vote") || next.equals("/evidence/" + asked.conflict + "/vote"), next);
        Element askedOfYou = queue.selectFirst("section.asked");
        assertNotNull(askedOfYou);
        assertTrue(askedOfYou.text().contains(asked.statement + " 2 to rate"), askedOfYou.text());

        vote(tokenC, asked.support, Map.of("strength", "LOW")).then().statusCode(200);
        given().header("Authorization", "Bearer " + tokenC).get(requests(asked.claimId)).then().statusCode(200)
                .body("done", equalTo(1)).body("reviewers.find { it.username == '" + c.username + "' }.itemsRated", equalTo(1));
        vote(tokenC, asked.conflict, Map.of("strength", "LOW")).then().statusCode(200);
        TestApi.asEditor().get(requests(asked.claimId)).then().body("done", equalTo(2)).body("asked", equalTo(2));
        assertTrue(Jsoup.parse(html(cCookie, "/review")).select("section.asked").isEmpty(), "nothing left asked of C");

        String editorCookie = TestAccounts.login(TestAccounts.create("ask-editor", Role.EDITOR));
        Element section = Jsoup.parse(html(editorCookie, asked.page())).selectFirst("section.rating-requests");
        assertTrue(section.text().contains("Rated by 2 of 2 asked"), section.text());
        assertTrue(Jsoup.parse(html(cCookie, asked.page())).selectFirst("section.rating-requests").text().contains("Rated by 2 of 2 asked"));
        assertFalse(html(null, asked.page()).contains("rating-requests"), "readers' page stays without the workflow");

        // asking again changes nothing and records nothing
        TestApi.asEditor().body(Map.of("reviewers", List.of(c.username))).post(requests(asked.claimId)).then().statusCode(200)
                .body("newlyAsked", equalTo(List.of()));
        @SuppressWarnings("unchecked")
        List<Object> events = em.createNativeQuery("SELECT after ->> 'asked' FROM audit_event WHERE action = 'rating.request'"
                + " AND entity_type = 'claim' AND entity_id = :c").setParameter("c", asked.claimId).getResultList();
        assertEquals(List.of("[\"" + asked.b.username + "\", \"" + c.username + "\"]"), events);
    }

    @Test
    void onlyEditorsAskOnlyReviewersOnlyForPublishedClaims() {
        TwoReviewers f = new TwoReviewers();
        User plain = TestAccounts.create("ask-plain");
        given().contentType(ContentType.JSON).body(Map.of("reviewers", List.of(f.a.username))).post(requests(f.claimId))
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + f.tokenA).contentType(ContentType.JSON)
                .body(Map.of("reviewers", List.of(f.a.username))).post(requests(f.claimId)).then().statusCode(403);
        given().get(requests(f.claimId)).then().statusCode(401);
        TestApi.asEditor().body(Map.of("reviewers", List.of(plain.username, "nobody-at-all"))).post(requests(f.claimId))
                .then().statusCode(400).body("error", containsString(plain.username)).body("error", containsString("nobody-at-all"));
        TestApi.asEditor().body(Map.of("reviewers", List.of())).post(requests(f.claimId)).then().statusCode(400);
        TestApi.asEditor().body("{}").post(requests(f.claimId)).then().statusCode(400);
        TestApi.asEditor().body(Map.of("reviewers", List.of("x".repeat(5000)))).post(requests(f.claimId)).then().statusCode(400);
        TestApi.asEditor().body(Map.of("reviewers", List.of(f.a.username))).post(requests(987654321L)).then().statusCode(404);
        given().header("Authorization", "Bearer " + TestApi.editorToken()).contentType(ContentType.TEXT).body(f.a.username)
                .post(requests(f.claimId)).then().statusCode(415);
        assertEquals(0L, ((Number) em.createNativeQuery("SELECT count(*) FROM rating_request WHERE claim_id = :c")
                .setParameter("c", f.claimId).getSingleResult()).longValue());

        TestApi.asEditor().post("/api/claims/" + f.claimId + "/retract").then().statusCode(200);
        TestApi.asEditor().body(Map.of("reviewers", List.of(f.a.username))).post(requests(f.claimId)).then().statusCode(400)
                .body("error", containsString("retracted"));
        given().header("Authorization", "Bearer " + f.tokenA).get(requests(f.claimId)).then().statusCode(404);
    }

    @Test
    void theClaimPageFormAsksWithoutJavaScript() {
        TwoReviewers f = new TwoReviewers();
        String editorCookie = TestAccounts.login(TestAccounts.create("ask-form-editor", Role.EDITOR));
        Element form = Jsoup.parse(html(editorCookie, f.page())).selectFirst("section.rating-requests form");
        assertNotNull(form);
        assertEquals(f.page() + "/rating-requests", form.attr("action"));
        assertFalse(form.select("input[name=reviewer][value=" + f.a.username + "]").isEmpty(), "A is listed");
        var csrf = TwoReviewers.csrf(editorCookie, f.page());
        given().redirects().follow(false).cookie(SESSION_COOKIE, editorCookie).cookie("crux-csrf", csrf.cookie())
                .formParam("csrf-token", csrf.token()).formParam("reviewer", f.a.username).post(form.attr("action"))
                .then().statusCode(303).header("Location", containsString(f.page()));
        Document after = Jsoup.parse(html(editorCookie, f.page()));
        assertTrue(after.selectFirst("section.rating-requests").text().contains("Rated by 0 of 1 asked"));
        assertTrue(after.select("input[name=reviewer][value=" + f.a.username + "]").hasAttr("disabled"), "asked already");
        // a reviewer's session cannot ask
        String aCookie = TestAccounts.login(f.a);
        var aCsrf = TwoReviewers.csrf(aCookie, f.page());
        given().redirects().follow(false).cookie(SESSION_COOKIE, aCookie).cookie("crux-csrf", aCsrf.cookie())
                .formParam("csrf-token", aCsrf.token()).formParam("reviewer", f.b.username).post(form.attr("action"))
                .then().statusCode(403);
        assertEquals(1L, ((Number) em.createNativeQuery("SELECT count(*) FROM rating_request WHERE claim_id = :c")
                .setParameter("c", f.claimId).getSingleResult()).longValue());
    }
}
