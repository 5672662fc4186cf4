package app.crux.review;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static app.crux.review.TwoReviewers.RATIONALE_SUPPORT;
import static app.crux.review.TwoReviewers.html;
import static app.crux.review.TwoReviewers.vote;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Re-rating keeps what the form or body does not carry; a rating can be withdrawn, audited, scores recomputed. */
@QuarkusTest
class RerateAndWithdrawTest {

    private static final String FIRST_REASON = "Prospective cohort, adequate size";

    @Inject
    EntityManager em;

    @Test
    void theApiKeepsFieldsLeftOutOfTheBodyAndClearsFieldsSentEmpty() {
        TwoReviewers f = new TwoReviewers();
        long item = f.support;
        vote(f.tokenA, item, Map.of("strength", "HIGH", "disputesStance", true, "rationale", FIRST_REASON)).then().statusCode(200)
                .body("replaced", equalTo(false));
        vote(f.tokenA, item, Map.of("strength", "LOW")).then().statusCode(200).body("replaced", equalTo(true))
                .body("strength", equalTo("LOW")).body("disputesStance", equalTo(true)).body("rationale", equalTo(FIRST_REASON));
        assertStored(f, item, "LOW", true, FIRST_REASON);
        raw(f.tokenA, item, "{\"rationale\": null}").then().statusCode(200).body("strength", equalTo("LOW"))
                .body("disputesStance", equalTo(true)).body("rationale", nullValue());
        assertStored(f, item, "LOW", true, null);
        raw(f.tokenA, item, "{\"rationale\": \"Second thoughts\"}").then().statusCode(200).body("rationale", equalTo("Second thoughts"));
        raw(f.tokenA, item, "{\"rationale\": \"\"}").then().statusCode(200).body("rationale", nullValue());
        raw(f.tokenA, item, "{\"disputesStance\": null, \"rationale\": \"Back again\"}").then().statusCode(200)
                .body("disputesStance", equalTo(false)).body("strength", equalTo("LOW"));
        raw(f.tokenA, item, "{}").then().statusCode(200).body("strength", equalTo("LOW")).body("rationale", equalTo("Back again"));
        assertStored(f, item, "LOW", false, "Back again");

        raw(f.tokenA, item, "{\"strength\": null}").then().statusCode(400).body("error", containsString("strength"));
        raw(f.tokenA, item, "{\"disputesStance\": \"yes\"}").then().statusCode(400);
        raw(f.tokenA, item, "{\"rationale\": 12}").then().statusCode(400);
        raw(f.tokenA, item, "[]").then().statusCode(400);
        assertStored(f, item, "LOW", false, "Back again");
        // a first rating needs a strength
        raw(f.tokenA, f.conflict, "{\"rationale\": \"no strength\"}").then().statusCode(400).body("error", containsString("strength"));
    }

    @Test
    void theCardFormStartsFromTheCurrentRatingAndAFormWithoutAFieldKeepsIt() {
        TwoReviewers f = new TwoReviewers();
        String cookie = TestAccounts.login(f.b);
        Element form = Jsoup.parse(html(cookie, f.page())).selectFirst("#evidence-" + f.support + " form.vote-form");
        assertNotNull(form);
        assertEquals("HIGH", form.select("input[name=strength][checked]").attr("value"), "strength selected");
        assertEquals(RATIONALE_SUPPORT, form.select("input[name=rationale]").attr("value"), "rationale filled in");
        vote(f.tokenB, f.support, Map.of("disputesStance", true)).then().statusCode(200);
        form = Jsoup.parse(html(cookie, f.page())).selectFirst("#evidence-" + f.support + " form.vote-form");
        assertTrue(form.select("input[type=checkbox][name=disputesStance]").hasAttr("checked"), "dispute checked");

        // a compact form that posts only the strength keeps the dispute and the rationale
        var csrf = TwoReviewers.csrf(cookie, f.page());
        post(cookie, csrf, "/evidence/" + f.support + "/vote", Map.of("strength", "LOW", "back", f.page()))
                .then().statusCode(303).header("Location", containsString("#evidence-" + f.support));
        assertStored(f, f.support, "LOW", true, RATIONALE_SUPPORT);
        // the card form as a browser sends it with the box unchecked and the rationale emptied clears both
        post(cookie, csrf, "/evidence/" + f.support + "/vote",
                Map.of("strength", "LOW", "disputesStance", "false", "rationale", "", "back", f.page())).then().statusCode(303);
        assertStored(f, f.support, "LOW", false, null);
        // and checked: the hidden "false" comes first, then the box's "true"
        given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf.cookie())
                .formParam("csrf-token", csrf.token()).formParam("strength", "MODERATE")
                .formParam("disputesStance", "false", "true").formParam("rationale", "Rethought")
                .post("/evidence/" + f.support + "/vote").then().statusCode(303);
        assertStored(f, f.support, "MODERATE", true, "Rethought");
    }

    @Test
    void aReviewerWithdrawsARatingOverTheApiAuditedWithScoresRecomputed() {
        TwoReviewers f = new TwoReviewers();
        vote(f.tokenA, f.support, Map.of("strength", "LOW", "rationale", FIRST_REASON)).then().statusCode(200);
        given().get("/api/claims/" + f.claimId).then().body("supports[0].weight", equalTo(3.0f))
                .body("supports[0].voteCount", equalTo(2));

        given().delete("/api/evidence/" + f.support + "/vote").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestApi.editorToken()).delete("/api/evidence/" + f.support + "/vote")
                .then().statusCode(403);
        given().header("Authorization", "Bearer " + f.tokenA).delete("/api/evidence/" + f.support + "/vote").then()
                .statusCode(200).body("withdrawn", equalTo(true));
        given().get("/api/claims/" + f.claimId).then().body("supports[0].weight", equalTo(4.0f))
                .body("supports[0].voteCount", equalTo(1)).body("supportWeight", equalTo(4.0f));
        given().header("Authorization", "Bearer " + f.tokenA).get("/api/evidence/" + f.support + "/votes").then()
                .body("hidden", equalTo(true));
        given().header("Authorization", "Bearer " + f.tokenA).delete("/api/evidence/" + f.support + "/vote").then()
                .statusCode(404).body("error", containsString("nothing at this address"));
        given().header("Authorization", "Bearer " + f.tokenA).delete("/api/evidence/987654321/vote").then().statusCode(404);

        Object[] event = (Object[]) em.createNativeQuery("""
                SELECT actor_name, before ->> 'strength', before ->> 'rationale', after IS NULL FROM audit_event
                WHERE action = 'vote.withdraw' AND entity_type = 'evidence' AND entity_id = :e""")
                .setParameter("e", f.support).getSingleResult();
        assertEquals(f.a.username, event[0]);
        assertEquals("LOW", event[1]);
        assertEquals(FIRST_REASON, event[2]);
        assertEquals(true, event[3]);
        assertScoresEqualARecomputation(f.claimId);
    }

    @Test
    void theCardAndTheQueueOfferToWithdrawARating() {
        TwoReviewers f = new TwoReviewers();
        String cookie = TestAccounts.login(f.a);
        Document before = Jsoup.parse(html(cookie, f.page()));
        assertTrue(before.select("#evidence-" + f.support + " form.withdraw-form").isEmpty(), "nothing to withdraw yet");
        vote(f.tokenA, f.support, Map.of("strength", "HIGH")).then().statusCode(200);
        Element button = Jsoup.parse(html(cookie, f.page())).selectFirst("#evidence-" + f.support + " form.withdraw-form");
        assertNotNull(button);
        assertEquals("/evidence/" + f.support + "/vote/withdraw", button.attr("action"));
        var csrf = TwoReviewers.csrf(cookie, f.page());
        post(cookie, csrf, button.attr("action"), Map.of("back", f.page())).then().statusCode(303)
                .header("Location", endsWith(f.page() + "#evidence-" + f.support));
        given().header("Authorization", "Bearer " + f.tokenA).get("/api/evidence/" + f.support + "/votes").then()
                .body("hidden", equalTo(true)).body("votes", hasSize(0));
        assertTrue(Jsoup.parse(html(cookie, f.page())).selectFirst("#evidence-" + f.support).text().contains("Your rating is blind"));

        // rate in the queue, then withdraw that rating from the queue
        String queue = "/review?claim=" + f.slug;
        Document page = Jsoup.parse(html(cookie, queue));
        String rate = page.select("form#rate-form").attr("action");
        assertEquals("/evidence/" + f.support + "/vote", rate);
        csrf = TwoReviewers.csrf(cookie, queue);
        given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf.cookie())
                .formParam("csrf-token", csrf.token()).formParam("strength", "MODERATE").formParam("disputesStance", "false")
                .formParam("rationale", "").formParam("back", queue).post(rate).then().statusCode(303);
        Element last = Jsoup.parse(html(cookie, queue)).selectFirst("form.last-rated");
        assertNotNull(last);
        assertEquals("/evidence/" + f.support + "/vote/withdraw", last.attr("action"));
        post(cookie, csrf, last.attr("action"), Map.of("back", queue)).then().statusCode(303).header("Location", endsWith(queue));
        assertEquals(0L, ((Number) em.createNativeQuery("SELECT count(*) FROM vote WHERE evidence_id = :e AND reviewer_id = :r")
                .setParameter("e", f.support).setParameter("r", f.a.id).getSingleResult()).longValue());
        assertEquals(2L, ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_event WHERE action = 'vote.withdraw' AND entity_id = :e AND actor_id = :r")
                .setParameter("e", f.support).setParameter("r", f.a.id).getSingleResult()).longValue());
        assertScoresEqualARecomputation(f.claimId);
    }

    private static io.restassured.response.Response raw(String token, long evidence, String json) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(json)
                .put("/api/evidence/" + evidence + "/vote");
    }

    private static io.restassured.response.Response post(String cookie, TwoReviewers.Csrf csrf, String path, Map<String, String> form) {
        var request = given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf.cookie())
                .formParam("csrf-token", csrf.token());
        for (var field : form.entrySet()) {
            request = request.formParam(field.getKey(), field.getValue());
        }
        return request.post(path);
    }

    @SuppressWarnings("unchecked")
    private void assertStored(TwoReviewers f, long evidence, String strength, boolean dispute, String rationale) {
        List<Object[]> rows = em.createNativeQuery("SELECT v.strength, v.disputes_stance, v.rationale FROM vote v"
                + " JOIN app_user u ON u.id = v.reviewer_id WHERE v.evidence_id = :e AND u.username IN (:a, :b) ORDER BY v.updated_at DESC")
                .setParameter("e", evidence).setParameter("a", f.a.username).setParameter("b", f.b.username).getResultList();
        assertFalse(rows.isEmpty());
        assertEquals(List.of(strength, dispute, String.valueOf(rationale)),
                List.of(rows.get(0)[0], rows.get(0)[1], String.valueOf(rows.get(0)[2])));
    }

    /** The claim's stored aggregates equal what the admin's recomputation from the votes gives. */
    private void assertScoresEqualARecomputation(long claimId) {
        List<String> before = state(claimId);
        String admin = TestAccounts.token(TestAccounts.create("withdraw-admin", Role.ADMIN));
        given().header("Authorization", "Bearer " + admin).contentType(ContentType.JSON).body("{}")
                .post("/api/admin/recompute-scores").then().statusCode(200);
        assertEquals(before, state(claimId));
    }

    @SuppressWarnings("unchecked")
    private List<String> state(long claimId) {
        List<String> rows = new ArrayList<>();
        ((List<Object[]>) em.createNativeQuery("""
                SELECT support_weight, conflict_weight, vote_count, contestedness, verdict FROM claim_score WHERE claim_id = :c""")
                .setParameter("c", claimId).getResultList()).forEach(r -> rows.add(java.util.Arrays.toString(r)));
        ((List<Object[]>) em.createNativeQuery("SELECT id, weight, vote_count, dispute_count FROM evidence WHERE claim_id = :c ORDER BY id")
                .setParameter("c", claimId).getResultList()).forEach(r -> rows.add(java.util.Arrays.toString(r)));
        assertFalse(rows.isEmpty());
        return rows;
    }
}
