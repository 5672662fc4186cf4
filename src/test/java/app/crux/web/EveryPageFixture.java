package app.crux.web;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.AccountService;
import app.crux.account.Role;
import app.crux.account.User;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The data every page is opened with, built through the JSON API: two documents with a claim
 * that has passages on both sides, rated by three reviewers (the browsing reviewer rated one
 * passage only, so blind rating is on screen too); a document revised so one passage is
 * orphaned; a claim merged into the first and one retracted.
 */
final class EveryPageFixture {

    static final String SUPPORT_1 = "Runners who slept eight hours recovered faster between interval sessions.";
    static final String SUPPORT_2 = "Sleep extension improved sprint times in a small trial of college athletes.";
    static final String CONFLICT_1 = "Extra sleep made no measurable difference to recovery markers after races.";
    static final String CONFLICT_2 = "Athletes sleeping longer showed the same soreness on the following day.";
    static final String ORPHANED = "This paragraph about afternoon naps will be removed in the revision.";

    final String word = letters(System.nanoTime());
    final String tag = "sleep-" + word;
    final User editor = TestAccounts.create("page-editor", Role.EDITOR);
    final User reviewer = TestAccounts.create("page-reviewer", Role.REVIEWER);
    final User admin = TestAccounts.create("page-admin", Role.ADMIN);
    final User everything = TestAccounts.create("page-all", Role.EDITOR, Role.REVIEWER, Role.ADMIN);
    final User raterA = TestAccounts.create("page-rater-a", Role.REVIEWER);
    final User raterB = TestAccounts.create("page-rater-b", Role.REVIEWER);
    /** So the people page shows a disabled account (it once faded below the contrast minimum). */
    final User disabled = TestAccounts.create("page-disabled", Role.REVIEWER);
    final Map<String, Object> supporting;
    final Map<String, Object> conflicting;
    final Map<String, Object> revised;
    final String claimSlug;
    final String mergedSlug;
    final String retractedSlug;
    /** An open claim quoting CONFLICT_1 as support, which the first claim cites against: a merge preview with a choice. */
    final long mergeTargetId;
    final long evidenceId;

    EveryPageFixture() {
        supporting = TestApi.importText("Sleep helps runners " + word, text("Sleep helps runners " + word, SUPPORT_1, SUPPORT_2));
        conflicting = TestApi.importText("Sleep is overrated " + word, text("Sleep is overrated " + word, CONFLICT_1, CONFLICT_2));
        String revisedTitle = "Naps and recovery " + word;
        revised = TestApi.importText(revisedTitle, text(revisedTitle, SUPPORT_1, ORPHANED));

        Map<String, Object> claim = claim("More sleep speeds up recovery for runners " + word, supporting, SUPPORT_1);
        long claimId = TestApi.id(claim);
        claimSlug = (String) claim.get("slug");
        long support = ((Number) ((Map<?, ?>) claim.get("evidence")).get("id")).longValue();
        evidenceId = support;
        List<Long> items = List.of(support,
                attach(claimId, supporting, "SUPPORTS", SUPPORT_2),
                attach(claimId, conflicting, "CONFLICTS", CONFLICT_1),
                attach(claimId, conflicting, "CONFLICTS", CONFLICT_2),
                attach(claimId, revised, "SUPPORTS", ORPHANED));
        List<String> strengths = List.of("HIGH", "MODERATE", "LOW", "HIGH", "MODERATE");
        for (User rater : List.of(raterA, raterB)) {
            String token = TestAccounts.token(rater);
            for (int i = 0; i < items.size(); i++) {
                vote(token, items.get(i), Map.of("strength", strengths.get(i), "rationale", "Read the methods " + i));
            }
        }
        String reviewerToken = TestAccounts.token(reviewer);
        vote(reviewerToken, support, Map.of("strength", "HIGH"));
        // high against the raters' low: the item needs discussion, so its thread shows on the card and in the queue's tab
        vote(reviewerToken, items.get(2), Map.of("strength", "HIGH"));
        given().header("Authorization", "Bearer " + reviewerToken).contentType(ContentType.JSON)
                .body(Map.of("body", "The trial was small but randomised; I rated it high.")).post("/api/evidence/" + items.get(2)
                        + "/discussion/posts").then().statusCode(201);
        TestApi.asEditor().body(Map.of("reviewers", List.of(reviewer.username, raterA.username)))
                .post("/api/claims/" + claimId + "/rating-requests").then().statusCode(200);
        Arc.container().instance(AccountService.class).get().setEnabled(disabled.id, false, admin.id);
        // an API token each, so /account shows its token table to every signed-in visitor
        List.of(editor, admin, everything).forEach(TestAccounts::token);

        // revising away the nap paragraph leaves the passage attached to it orphaned
        TestApi.asEditor().body(Map.of("text", text(revisedTitle, SUPPORT_1, "A new closing paragraph " + word + ".")))
                .put("/api/documents/" + TestApi.id(revised)).then().statusCode(200);

        Map<String, Object> merged = claim("Sleeping longer makes runners recover sooner " + word, supporting, SUPPORT_2);
        mergedSlug = (String) merged.get("slug");
        TestApi.asEditor().body(Map.of("into", claimId)).post("/api/claims/" + TestApi.id(merged) + "/merge")
                .then().statusCode(200);
        mergeTargetId = TestApi.id(claim("Long sleep changes little for racing runners " + word, conflicting, CONFLICT_1));
        Map<String, Object> retracted = claim("Sleep cures every running injury " + word, conflicting, CONFLICT_2);
        retractedSlug = (String) retracted.get("slug");
        TestApi.asEditor().post("/api/claims/" + TestApi.id(retracted) + "/retract").then().statusCode(200);
    }

    private Map<String, Object> claim(String statement, Map<String, Object> document, String exact) {
        Map<String, Object> body = new HashMap<>();
        body.put("statement", statement);
        body.put("tags", List.of(tag));
        body.put("source", Map.of("documentId", document.get("id"), "exact", exact));
        return TestApi.asEditor().body(body).post("/api/claims").then().statusCode(201).extract().as(Map.class);
    }

    private static long attach(long claim, Map<String, Object> document, String stance, String exact) {
        return TestApi.asEditor().body(Map.of("documentId", document.get("id"), "stance", stance, "exact", exact))
                .post("/api/claims/" + claim + "/evidence").then().statusCode(201).extract().<Number>path("id").longValue();
    }

    private static void vote(String token, long evidence, Map<String, Object> body) {
        int status = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body)
                .put("/api/evidence/" + evidence + "/vote").statusCode();
        assertEquals(200, status, "vote on evidence " + evidence);
    }

    private static String text(String title, String... paragraphs) {
        return title + "\n\n" + String.join("\n\n", paragraphs) + "\n\nReference " + System.nanoTime() + ".";
    }

    /** Letters only, so search reads it as one plain word. */
    private static String letters(long n) {
        StringBuilder out = new StringBuilder("zq");
        for (char c : Long.toString(n).toCharArray()) {
            out.append((char) ('a' + (c - '0')));
        }
        return out.toString();
    }
}
