package app.crux.document;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import app.crux.audit.AuditEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passages flagged after a revision are listed for editors (the review tab, the document page, a
 * count in their navigation) and resolved by re-selecting, accepting or retiring: each audited,
 * each clearing the flag; stale or repeated attempts and other roles are refused.
 */
@QuarkusTest
class PassageResolutionTest {

    private static final String CHANGED = "Foam rolling before a run loosens the calves for the first mile.";
    private static final String CHANGED_NOW = "Foam rolling before a run may loosen the calves for the first mile.";
    private static final String LOST = "Barefoot strides on grass strengthen the small muscles of the foot.";
    private static final String MOVED = "Short strides without shoes, done on a lawn, build up the little foot muscles.";

    /** A document with a changed and an orphaned passage, each evidence for its own claim. */
    private record Fixture(long documentId, String slug, long changed, long orphaned, String changedClaim, String lostClaim) {
    }

    private static Fixture revisedDocument() {
        String unique = String.valueOf(System.nanoTime());
        String text = "Warm-up notes " + unique + "\n\n" + CHANGED + "\n\n" + LOST + "\n\nEasy jogging comes first.";
        var doc = TestApi.importText("Warm-up notes " + unique, text);
        String changedClaim = "Foam rolling loosens calves " + unique;
        String lostClaim = "Barefoot strides build foot strength " + unique;
        long changed = excerpt(TestApi.createClaim(changedClaim, doc.get("id"), CHANGED));
        long orphaned = excerpt(TestApi.createClaim(lostClaim, doc.get("id"), LOST));
        String revised = text.replace(CHANGED, CHANGED_NOW).replace(LOST, "Rest days matter as much as training days.")
                + "\n\n" + MOVED;
        TestApi.asEditor().body(Map.of("text", revised)).put("/api/documents/" + doc.get("id")).then().statusCode(200);
        Fixture f = new Fixture(TestApi.id(doc), (String) doc.get("slug"), changed, orphaned, changedClaim, lostClaim);
        // the set-up: one passage changed (its old words kept), one orphaned
        Excerpt c = excerpt(f.changed);
        assertTrue(c.changed && !c.orphaned);
        assertEquals(CHANGED, c.previousExact);
        assertEquals(CHANGED_NOW, c.exact);
        assertTrue(excerpt(f.orphaned).orphaned);
        return f;
    }

    @Test
    void editorsSeeEachFlaggedPassageWithItsOldWordsACandidateAndItsClaims() {
        Fixture f = revisedDocument();
        String editor = TestAccounts.login(TestAccounts.create("resolve-list", Role.EDITOR));
        var page = Jsoup.parse(html(editor, "/documents/" + f.slug()));
        var changed = page.getElementById("resolve-" + f.changed());
        assertNotNull(changed, "the document page lists the changed passage");
        assertTrue(changed.select(".old-quote").text().contains(CHANGED), changed.text());
        assertTrue(changed.select("mark").text().contains(CHANGED_NOW), changed.text());
        assertTrue(changed.text().contains(f.changedClaim()));
        assertEquals(3, changed.select("form").size(), "re-select, accept, retire");
        var lost = page.getElementById("resolve-" + f.orphaned());
        assertTrue(lost.select(".old-quote").text().contains(LOST));
        assertTrue(lost.text().contains(f.lostClaim()));
        assertEquals(2, lost.select("form").size(), "an orphaned passage has no new wording to accept");
        assertFalse(page.select("mark.hl").text().contains(LOST), "an orphaned passage is not highlighted");
        assertNotNull(page.getElementById("form-reselect"), "the selection popover offers re-selecting");

        long open = QuarkusTransaction.requiringNew().call(Excerpt::needingAttentionCount);
        var tab = Jsoup.parse(html(editor, "/review/passages"));
        assertEquals(String.valueOf(open), tab.select("nav.primary a[href=/review/passages] .count").text());
        assertTrue(open >= 2);

        String reviewer = TestAccounts.login(TestAccounts.create("resolve-list-rev", Role.REVIEWER));
        given().cookie(SESSION_COOKIE, reviewer).redirects().follow(false).get("/review/passages").then().statusCode(403);
        var readerView = Jsoup.parse(html(reviewer, "/documents/" + f.slug()));
        assertTrue(readerView.select("#attention, a[href=/review/passages]").isEmpty(), "only editors see passages to resolve");
    }

    @Test
    void acceptingKeepsTheNewWordingClearsTheFlagAndIsAudited() {
        Fixture f = revisedDocument();
        String editor = TestAccounts.login(TestAccounts.create("resolve-accept", Role.EDITOR));
        long before = QuarkusTransaction.requiringNew().call(Excerpt::needingAttentionCount);
        post(editor, f.slug(), "accept", Map.of("excerpt", f.changed(), "revision", 2, "back", "/review/passages"))
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/review/passages"));
        Excerpt accepted = excerpt(f.changed());
        assertFalse(accepted.changed || accepted.orphaned);
        assertNull(accepted.previousExact);
        assertEquals(CHANGED_NOW, accepted.exact);
        assertEquals(before - 1, QuarkusTransaction.requiringNew().call(Excerpt::needingAttentionCount));
        AuditEvent event = lastEvent(f.changed());
        assertEquals("passage.accept", event.action);
        assertTrue(event.actorName.startsWith("resolve-accept"));
        assertEquals(Boolean.TRUE, event.before.get("changed"));

        // an orphaned passage has nothing to accept; a resolved one needs nothing any more
        post(editor, f.slug(), "accept", Map.of("excerpt", f.orphaned(), "revision", 2)).then().statusCode(303)
                .cookie("crux-flash", org.hamcrest.Matchers.containsString("no+new+wording"));
        assertTrue(excerpt(f.orphaned()).orphaned);
        post(editor, f.slug(), "retire", Map.of("excerpt", f.changed(), "revision", 2)).then().statusCode(303)
                .cookie("crux-flash", org.hamcrest.Matchers.containsString("already+resolved"));
        assertNull(excerpt(f.changed()).retiredAt);
    }

    @Test
    void reselectingByQuoteFindsTheWordsInTheCurrentText() {
        Fixture f = revisedDocument();
        String editor = TestAccounts.login(TestAccounts.create("resolve-reselect", Role.EDITOR));
        // words that are not in the text: refused, nothing changes
        post(editor, f.slug(), "reselect", Map.of("excerpt", f.orphaned(), "revision", 2, "exact", "not in this text at all"))
                .then().statusCode(303).cookie("crux-flash", org.hamcrest.Matchers.containsString("ALERT"));
        assertTrue(excerpt(f.orphaned()).orphaned);

        post(editor, f.slug(), "reselect", Map.of("excerpt", f.orphaned(), "revision", 2, "exact", MOVED)).then().statusCode(303);
        Excerpt moved = excerpt(f.orphaned());
        String body = QuarkusTransaction.requiringNew().call(() -> Document.<Document>findById(f.documentId()).body);
        assertEquals(MOVED, body.substring(moved.start, moved.end));
        assertEquals(MOVED, moved.exact);
        assertEquals(2, moved.revision);
        assertFalse(moved.orphaned || moved.changed);
        AuditEvent event = lastEvent(f.orphaned());
        assertEquals("passage.reselect", event.action);
        assertEquals(LOST, event.before.get("exact"));
        assertEquals(MOVED, event.after.get("exact"));
        // the claim now quotes the re-selected words, highlighted on the document page
        String claim = given().get("/api/claims/" + claimOf(f.lostClaim())).then().statusCode(200).extract().asString();
        assertTrue(claim.contains(MOVED), claim);
        var page = Jsoup.parse(html(editor, "/documents/" + f.slug()));
        assertTrue(page.select("mark.hl").text().contains(MOVED));
        assertNull(page.getElementById("resolve-" + f.orphaned()));
    }

    @Test
    void retiringTakesThePassageOffTheTextAndTheList() {
        Fixture f = revisedDocument();
        String editor = TestAccounts.login(TestAccounts.create("resolve-retire", Role.EDITOR));
        post(editor, f.slug(), "retire", Map.of("excerpt", f.changed(), "revision", 2)).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/documents/" + f.slug() + "#attention"));
        Excerpt retired = excerpt(f.changed());
        assertNotNull(retired.retiredAt);
        assertNotNull(retired.retiredBy);
        assertFalse(retired.changed || retired.orphaned);
        assertEquals("passage.retire", lastEvent(f.changed()).action);
        var page = Jsoup.parse(html(editor, "/documents/" + f.slug()));
        assertFalse(page.select("mark.hl").text().contains(CHANGED_NOW), "a retired passage is not highlighted");
        assertNull(page.getElementById("resolve-" + f.changed()));
        var tab = Jsoup.parse(html(editor, "/review/passages"));
        assertNotNull(tab.getElementById("resolve-" + f.orphaned()), "the tab lists the latest revised document first");
        assertNull(tab.getElementById("resolve-" + f.changed()), "but no longer its retired passage");
        // its evidence leaves with it: detached, off the readers' page and the score, restorable by editors
        String slug = claimSlug(f.changedClaim());
        var readerPage = Jsoup.parse(html(null, "/claims/" + slug));
        assertTrue(readerPage.select("article.evidence-card").isEmpty(), "the retired passage's evidence is detached");
        var detached = Jsoup.parse(html(editor, "/claims/" + slug)).select("#detached-evidence li");
        assertEquals(1, detached.size(), "editors find it among the detached evidence");
        assertTrue(detached.text().contains(CHANGED_NOW), detached.text());
        assertTrue(detached.select("form button").text().contains("Restore"));
        // a new selection of the same words makes a fresh passage instead of reviving the retired one
        long fresh = excerpt(TestApi.createClaim("Rolling calves again " + System.nanoTime(), f.documentId(), CHANGED_NOW));
        assertTrue(fresh != f.changed());
    }

    @Test
    void staleForeignAndUnauthorisedAttemptsAreRefused() {
        Fixture f = revisedDocument();
        Fixture other = revisedDocument();
        String editor = TestAccounts.login(TestAccounts.create("resolve-refused", Role.EDITOR));
        // drawn before a revision the editor did not see
        post(editor, f.slug(), "accept", Map.of("excerpt", f.changed(), "revision", 1)).then().statusCode(303)
                .cookie("crux-flash", org.hamcrest.Matchers.containsString("revised"));
        assertTrue(excerpt(f.changed()).changed);
        // a passage of another document, through this document's address
        post(editor, f.slug(), "retire", Map.of("excerpt", other.changed(), "revision", 2)).then().statusCode(404);
        assertNull(excerpt(other.changed()).retiredAt);
        // no passage named, or a huge one
        post(editor, f.slug(), "retire", Map.of("revision", 2)).then().statusCode(303)
                .cookie("crux-flash", org.hamcrest.Matchers.containsString("ALERT"));
        post(editor, f.slug(), "reselect", Map.of("excerpt", f.orphaned(), "exact", "x".repeat(20_000))).then().statusCode(303)
                .cookie("crux-flash", org.hamcrest.Matchers.containsString("ALERT"));
        assertTrue(excerpt(f.orphaned()).orphaned);
        // a reviewer, and a form without the CSRF token
        String reviewer = TestAccounts.login(TestAccounts.create("resolve-refused-rev", Role.REVIEWER));
        post(reviewer, f.slug(), "retire", Map.of("excerpt", f.changed())).then().statusCode(403);
        given().cookie(SESSION_COOKIE, editor).redirects().follow(false).formParam("excerpt", f.changed())
                .post("/documents/" + f.slug() + "/passages/retire").then().statusCode(403);
        given().cookie(SESSION_COOKIE, editor).redirects().follow(false).contentType("text/plain").body("excerpt=" + f.changed())
                .post("/documents/" + f.slug() + "/passages/retire").then().statusCode(org.hamcrest.Matchers.oneOf(403, 415));
        assertNull(excerpt(f.changed()).retiredAt);
        assertTrue(excerpt(f.changed()).changed);
    }

    static Response post(String session, String slug, String action, Map<String, Object> fields) {
        var response = given().cookie(SESSION_COOKIE, session).get("/documents/" + slug).then().statusCode(200).extract();
        String csrf = response.cookie("crux-csrf");
        Map<String, Object> form = new LinkedHashMap<>(fields);
        form.put("csrf-token", csrf);
        return given().redirects().follow(false).cookie(SESSION_COOKIE, session).cookie("crux-csrf", csrf).formParams(form)
                .post("/documents/" + slug + "/passages/" + action);
    }

    private static String html(String session, String path) {
        var request = given();
        if (session != null) {
            request = request.cookie(SESSION_COOKIE, session);
        }
        return request.get(path).then().statusCode(200).extract().asString();
    }

    private static long excerpt(Response created) {
        return created.then().statusCode(201).extract().<Number>path("evidence.excerpt.id").longValue();
    }

    static Excerpt excerpt(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Excerpt x = Excerpt.findById(id);
            x.document.id.toString();
            return x;
        });
    }

    private static AuditEvent lastEvent(long excerptId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "entityType = 'excerpt' and entityId = ?1 order by id desc", excerptId).firstResult());
    }

    private static long claimOf(String statement) {
        return QuarkusTransaction.requiringNew().call(() -> app.crux.claim.Claim.<app.crux.claim.Claim>find("statement", statement)
                .firstResult().id);
    }

    private static String claimSlug(String statement) {
        return QuarkusTransaction.requiringNew().call(() -> app.crux.claim.Claim.<app.crux.claim.Claim>find("statement", statement)
                .firstResult().slug);
    }
}
