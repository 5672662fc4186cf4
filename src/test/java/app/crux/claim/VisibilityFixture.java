package app.crux.claim;

import app.crux.TestAccounts;
import app.crux.account.Role;
import app.crux.account.User;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Three claims built alike through the API — one published, one turned back into a draft,
 * one retracted — each with three passages on each side from the same two documents, all
 * rated HIGH, so each would rank high on every list, page and search if it leaked. Built
 * once per run; tests that change claims make their own.
 */
final class VisibilityFixture {

    static final List<String> SUPPORTING = List.of(
            "Rest days let tendons adapt to the load of training.",
            "Runners who took two rest days a week reported fewer overuse injuries.",
            "Recovery between hard sessions is when fitness is built.");
    static final List<String> CONFLICTING = List.of(
            "Daily easy running did not raise injury rates in the trial.",
            "Complete rest slowed the return of tendon stiffness to normal.",
            "Active recovery beat full rest days on every measure taken.");

    private static VisibilityFixture instance;

    final String word;
    final String tag;
    final User editor;
    final User rater;
    /** A second reviewer who rated everything too, so blind rating hides nothing from them on the rater's page. */
    final User peer;
    final String editorToken;
    final Map<String, Object> first;
    final Map<String, Object> second;
    final Claim published;
    final Claim draft;
    final Claim retracted;

    /** A claim as the fixture knows it: its id, slug, statement and evidence ids. */
    record Claim(long id, String slug, String statement, List<Long> evidence) {
    }

    static synchronized VisibilityFixture get() {
        if (instance == null) {
            instance = new VisibilityFixture();
        }
        return instance;
    }

    private VisibilityFixture() {
        word = letters(System.nanoTime());
        tag = "vis-" + word;
        editor = TestAccounts.create("vis-editor", Role.EDITOR);
        editorToken = TestAccounts.token(editor);
        rater = TestAccounts.create("vis-rater", Role.REVIEWER);
        peer = TestAccounts.create("vis-peer", Role.REVIEWER);
        first = importText("Rest days matter " + word, SUPPORTING);
        second = importText("Rest days are overrated " + word, CONFLICTING);
        List<String> raters = List.of(TestAccounts.token(rater), TestAccounts.token(peer));
        published = claim("Published " + word + " rest days prevent running injuries", List.of(tag), raters);
        draft = claim("Drafted " + word + " rest days double tendon strength", List.of(tag, tag + "-draft"), raters);
        retracted = claim("Withdrawn " + word + " rest days cure every overuse injury", List.of(tag, tag + "-retracted"), raters);
        int version = asEditor().get("/api/claims/" + draft.id()).then().statusCode(200).extract().path("version");
        asEditor().body(Map.of("version", version, "status", "DRAFT")).patch("/api/claims/" + draft.id())
                .then().statusCode(200);
        asEditor().post("/api/claims/" + retracted.id() + "/retract").then().statusCode(200);
    }

    RequestSpecification asEditor() {
        return given().header("Authorization", "Bearer " + editorToken).contentType(ContentType.JSON);
    }

    /** A published claim with three passages on each side, every one rated HIGH by each of {@code raters} (bearer tokens). */
    private Claim claim(String statement, List<String> tags, List<String> raters) {
        Map<String, Object> body = new HashMap<>();
        body.put("statement", statement);
        body.put("tags", tags);
        body.put("source", Map.of("documentId", first.get("id"), "exact", SUPPORTING.get(0)));
        Map<String, Object> created = asEditor().body(body).post("/api/claims").then().statusCode(201).extract().as(Map.class);
        long id = ((Number) created.get("id")).longValue();
        List<Long> evidence = new ArrayList<>();
        evidence.add(((Number) ((Map<?, ?>) created.get("evidence")).get("id")).longValue());
        for (String passage : SUPPORTING.subList(1, SUPPORTING.size())) {
            evidence.add(attach(id, first, "SUPPORTS", passage));
        }
        for (String passage : CONFLICTING) {
            evidence.add(attach(id, second, "CONFLICTS", passage));
        }
        for (String token : raters) {
            for (long item : evidence) {
                given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(Map.of("strength", "HIGH"))
                        .put("/api/evidence/" + item + "/vote").then().statusCode(200);
            }
        }
        return new Claim(id, (String) created.get("slug"), statement, evidence);
    }

    private long attach(long claim, Map<String, Object> document, String stance, String exact) {
        return asEditor().body(Map.of("documentId", document.get("id"), "stance", stance, "exact", exact))
                .post("/api/claims/" + claim + "/evidence").then().statusCode(201).extract().<Number>path("id").longValue();
    }

    private Map<String, Object> importText(String title, List<String> passages) {
        String text = title + "\n\n" + String.join("\n\n", passages) + "\n\nReference " + System.nanoTime() + ".";
        return asEditor().body(Map.of("title", title, "text", text)).post("/api/documents")
                .then().statusCode(201).extract().as(Map.class);
    }

    /** A word made of letters only, so full-text search treats it as one plain word. */
    static String letters(long n) {
        StringBuilder out = new StringBuilder("zq");
        for (char c : Long.toString(n).toCharArray()) {
            out.append((char) ('a' + (c - '0')));
        }
        return out.toString();
    }
}
