package app.crux.claim;

import app.crux.claim.Viewers.Viewer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Retracting is its own audited action (a form and an API route), restoring brings a claim back
 * for readers, and neither the edit form nor PATCH can set RETRACTED. Merged claims send readers
 * on only to a target they may see.
 */
@QuarkusTest
class RetractionTest {

    private VisibilityFixture f;

    /** Built on first use, once RestAssured knows the test port (not in a field initialiser). */
    @BeforeEach
    void fixture() {
        f = VisibilityFixture.get();
    }

    @Test
    void retractingAndRestoringWithTheFormsIsAuditedAndBringsTheClaimBackForReaders() {
        var claim = fresh("Form retraction");
        Viewer editor = Viewers.get("editor");
        String csrf = editor.page().get("/claims/" + claim.slug()).then().statusCode(200).extract().cookie("crux-csrf");
        form(editor, csrf).post("/claims/" + claim.slug() + "/retract").then().statusCode(303)
                .header("Location", containsString("/claims/" + claim.slug()));
        for (String who : Viewers.READERS) {
            Viewers.get(who).page().get("/claims/" + claim.slug()).then().statusCode(404);
            Viewers.get(who).api().get("/api/claims/" + claim.id()).then().statusCode(404);
        }
        given().get("/api/search?q=" + claim.statement()).then().body("claims.slug", not(hasItem(claim.slug())));
        editor.page().get("/claims/" + claim.slug() + "/history").then().statusCode(200)
                .body(containsString("claim.retract")).body(containsString(editor.user().username));

        form(editor, csrf).post("/claims/" + claim.slug() + "/restore").then().statusCode(303);
        for (String who : Viewers.READERS) {
            Viewers.get(who).page().get("/claims/" + claim.slug()).then().statusCode(200).body(containsString(claim.statement()));
            Viewers.get(who).api().get("/api/claims/" + claim.id()).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        }
        given().get("/api/search?q=" + claim.statement()).then().body("claims.slug", hasItem(claim.slug()));
        editor.page().get("/claims/" + claim.slug() + "/history").then().body(containsString("claim.restore"));
    }

    @Test
    void theApiRetractsAndRestoresAndReturnsADraftToDraft() {
        var claim = fresh("Api retraction");
        f.asEditor().post("/api/claims/" + claim.id() + "/retract").then().statusCode(200).body("status", equalTo("RETRACTED"));
        f.asEditor().post("/api/claims/" + claim.id() + "/retract").then().statusCode(400).body("error", containsString("already retracted"));
        Viewers.get("reader").api().get("/api/claims/" + claim.id()).then().statusCode(404);
        f.asEditor().post("/api/claims/" + claim.id() + "/restore").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        f.asEditor().post("/api/claims/" + claim.id() + "/restore").then().statusCode(400).body("error", containsString("Only a retracted"));
        Viewers.get("reader").api().get("/api/claims/" + claim.id()).then().statusCode(200);
        given().get("/claims/" + claim.slug() + "/history").then().statusCode(200)
                .body(containsString("claim.retract")).body(containsString("claim.restore"));

        long draft = f.asEditor().body(Map.of("statement", "Retracted draft " + System.nanoTime(), "status", "DRAFT"))
                .post("/api/claims").then().statusCode(201).extract().<Number>path("id").longValue();
        f.asEditor().post("/api/claims/" + draft + "/retract").then().statusCode(200);
        f.asEditor().post("/api/claims/" + draft + "/restore").then().statusCode(200).body("status", equalTo("DRAFT"));
        Viewers.get("anonymous").api().get("/api/claims/" + draft).then().statusCode(404);

        for (String who : Viewers.READERS) {
            if (!who.equals("anonymous")) {
                Viewers.get(who).api().contentType(ContentType.JSON).post("/api/claims/" + claim.id() + "/retract").then().statusCode(403);
            }
        }
        given().contentType(ContentType.JSON).post("/api/claims/" + claim.id() + "/retract").then().statusCode(401);
    }

    @Test
    void theEditFormAndPatchOfferNoRetractedStatus() {
        var claim = fresh("Status edits");
        Viewer editor = Viewers.get("editor");
        Document page = ClaimVisibilityTest.page(editor, "/claims/" + claim.slug());
        assertEquals(List.of("DRAFT", "PUBLISHED"), page.select("select#status option").eachAttr("value"));
        assertNotNull(page.selectFirst("form[action=/claims/" + claim.slug() + "/retract]"), "retracting is its own form");

        f.asEditor().body(Map.of("version", 0, "status", "RETRACTED")).patch("/api/claims/" + claim.id())
                .then().statusCode(400).body("error", containsString("retract"));
        String csrf = editor.page().get("/claims/" + claim.slug()).then().extract().cookie("crux-csrf");
        form(editor, csrf).formParam("version", 0).formParam("statement", claim.statement()).formParam("status", "RETRACTED")
                .post("/claims/" + claim.slug() + "/edit").then().statusCode(400).body(containsString("Retract button"));
        f.asEditor().get("/api/claims/" + claim.id()).then().body("status", equalTo("PUBLISHED")).body("version", equalTo(0));
        f.asEditor().body(Map.of("statement", "Born retracted " + System.nanoTime(), "status", "RETRACTED")).post("/api/claims")
                .then().statusCode(400).body("error", containsString("DRAFT or PUBLISHED"));

        // a retracted claim leaves its status alone when edited, and comes back only by restoring
        f.asEditor().post("/api/claims/" + claim.id() + "/retract").then().statusCode(200);
        int version = f.asEditor().get("/api/claims/" + claim.id()).then().extract().path("version");
        f.asEditor().body(Map.of("version", version, "status", "PUBLISHED")).patch("/api/claims/" + claim.id())
                .then().statusCode(400).body("error", containsString("restore it first"));
        f.asEditor().body(Map.of("version", version, "statement", claim.statement() + " (reworded)")).patch("/api/claims/" + claim.id())
                .then().statusCode(200).body("status", equalTo("RETRACTED"));
        assertNull(ClaimVisibilityTest.page(editor, "/claims/" + claim.slug()).selectFirst("select#status"),
                "no status choice on a retracted claim: the restore button is the way back");
    }

    @Test
    void aMergedClaimSendsReadersOnOnlyToATargetTheyMaySee() {
        var target = fresh("Merge target");
        var merged = fresh("Merged away");
        f.asEditor().body(Map.of("into", target.id())).post("/api/claims/" + merged.id() + "/merge").then().statusCode(200);
        given().redirects().follow(false).get("/claims/" + merged.slug()).then().statusCode(301)
                .header("Location", containsString("/claims/" + target.slug()));

        long hiddenTarget = f.asEditor().body(Map.of("statement", "Draft merge target " + System.nanoTime(), "status", "DRAFT"))
                .post("/api/claims").then().statusCode(201).extract().<Number>path("id").longValue();
        String hiddenSlug = f.asEditor().get("/api/claims/" + hiddenTarget).then().extract().path("slug");
        // a published claim may not go into a draft (readers would lose it); a draft may
        var published = fresh("Published into a draft");
        f.asEditor().body(Map.of("into", hiddenTarget)).post("/api/claims/" + published.id() + "/merge").then().statusCode(400)
                .body("error", containsString("publish"));
        long intoDraftId = f.asEditor().body(Map.of("statement", "Merged into a draft " + System.nanoTime(), "status", "DRAFT"))
                .post("/api/claims").then().statusCode(201).extract().<Number>path("id").longValue();
        var intoDraft = new VisibilityFixture.Claim(intoDraftId,
                f.asEditor().get("/api/claims/" + intoDraftId).then().extract().<String>path("slug"), "draft", List.of());
        f.asEditor().body(Map.of("into", hiddenTarget)).post("/api/claims/" + intoDraft.id() + "/merge").then().statusCode(200);
        for (String who : Viewers.READERS) {
            Viewers.get(who).page().get("/claims/" + intoDraft.slug()).then().statusCode(404)
                    .header("Location", org.hamcrest.Matchers.nullValue());
            Viewers.get(who).api().get("/api/claims/" + intoDraft.id()).then().statusCode(404);
        }
        Viewers.get("editor").page().get("/claims/" + intoDraft.slug()).then().statusCode(301)
                .header("Location", containsString("/claims/" + hiddenSlug));
    }

    private static VisibilityFixture.Claim fresh(String statement) {
        String unique = statement + " " + System.nanoTime();
        Map<String, Object> created = VisibilityFixture.get().asEditor().body(Map.of("statement", unique)).post("/api/claims")
                .then().statusCode(201).extract().as(Map.class);
        return new VisibilityFixture.Claim(((Number) created.get("id")).longValue(), (String) created.get("slug"), unique, List.of());
    }

    private static io.restassured.specification.RequestSpecification form(Viewer editor, String csrf) {
        return given().redirects().follow(false).cookie(SESSION_COOKIE, editor.cookie()).cookie("crux-csrf", csrf)
                .formParam("csrf-token", csrf);
    }
}
