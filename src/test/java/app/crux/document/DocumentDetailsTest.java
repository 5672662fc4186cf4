package app.crux.document;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** PATCH /api/documents/{id} and the details page: metadata corrected with optimistic locking, several addresses per document. */
@QuarkusTest
class DocumentDetailsTest {

    private static final String TEXT = "Sleep and soreness\n\nSleeping eight hours eased next-day soreness in the trained group.";

    private static Map<String, Object> imported(String label, String url) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Sleep " + label + " " + System.nanoTime());
        body.put("text", TestApi.unique(TEXT));
        body.put("url", url);
        body.put("author", "A. Writer");
        return TestApi.asEditor().body(body).post("/api/documents").then().statusCode(201).extract().as(Map.class);
    }

    private static String address(String label) {
        return "https://sleep.example.org/" + label + "/" + System.nanoTime();
    }

    @Test
    void detailsAreEditedWithOptimisticLockingAndTheETagFollowsTheVersion() {
        String url = address("edit");
        var doc = imported("edit", url);
        long id = TestApi.id(doc);
        given().get("/api/documents/" + id).then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1))
                .body("urls", equalTo(List.of(url)));
        String mirror = address("mirror");
        TestApi.asEditor().body(Map.of("version", 1, "title", "Sleep and recovery, corrected", "otherUrls", List.of(mirror),
                "author", "", "publisher", "Recovery Weekly", "publishedOn", "2024-03-09", "kind", "REVIEW"))
                .patch("/api/documents/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("title", equalTo("Sleep and recovery, corrected")).body("author", nullValue())
                .body("publisher", equalTo("Recovery Weekly")).body("publishedOn", equalTo("2024-03-09"))
                .body("kind", equalTo("REVIEW")).body("url", equalTo(url)).body("urls", equalTo(List.of(url, mirror)))
                .body("revision", equalTo(1)).body("version", equalTo(2));
        // someone working from version 1 is told, with what is current; nothing they sent is stored
        TestApi.asEditor().body(Map.of("version", 1, "title", "Stale title")).patch("/api/documents/" + id).then().statusCode(409)
                .body("current.title", equalTo("Sleep and recovery, corrected")).body("current.version", equalTo(2));
        TestApi.asEditor().header("If-Match", "\"1\"").body(Map.of("title", "Stale title")).patch("/api/documents/" + id)
                .then().statusCode(412).body("currentVersion", equalTo(2));
        // a revision raises the version too, so an If-Match read before it fails
        TestApi.asEditor().header("If-Match", "\"2\"").body(Map.of("text", TestApi.unique(TEXT + "\n\nA second paragraph.")))
                .put("/api/documents/" + id).then().statusCode(200);
        given().get("/api/documents/" + id).then().header("ETag", "\"3\"").body("revision", equalTo(2))
                .body("title", equalTo("Sleep and recovery, corrected"));
        TestApi.asEditor().header("If-Match", "\"2\"").body(Map.of("title", "Late")).patch("/api/documents/" + id).then().statusCode(412);
        String editor = TestAccounts.login(TestAccounts.create("doc-history", Role.EDITOR));
        given().cookie(SESSION_COOKIE, editor).get("/history").then().body(containsString("Edited the details of “Sleep and recovery, corrected”"));
    }

    @Test
    void anAddressADocumentAlreadyHasAnswersWithThatDocument() {
        String url = address("dup");
        var first = imported("dup", url);
        // the same page under another spelling: scheme, www., trailing slash and fragment do not matter
        String same = url.replace("https://sleep.", "http://www.sleep.") + "/#top";
        Map<String, Object> body = Map.of("title", "Copy " + System.nanoTime(), "text", TestApi.unique(TEXT), "url", same);
        TestApi.asEditor().body(body).post("/api/documents").then().statusCode(409)
                .body("existingId", equalTo((int) TestApi.id(first))).body("existingSlug", equalTo(first.get("slug")))
                .body("matchedUrl", equalTo(url));
        // an address given to a second document by editing is refused the same way
        var second = imported("dup-other", address("other"));
        TestApi.asEditor().body(Map.of("version", 1, "otherUrls", List.of(same))).patch("/api/documents/" + TestApi.id(second))
                .then().statusCode(409).body("existingId", equalTo((int) TestApi.id(first)));
        given().get("/api/documents/" + TestApi.id(second)).then().body("urls.size()", equalTo(1)).body("version", equalTo(1));
        // once the first document gives it up, the second may take it
        TestApi.asEditor().body(Map.of("version", 1, "url", "")).patch("/api/documents/" + TestApi.id(first)).then().statusCode(200)
                .body("url", nullValue()).body("urls.size()", equalTo(0));
        TestApi.asEditor().body(Map.of("version", 1, "otherUrls", List.of(same))).patch("/api/documents/" + TestApi.id(second))
                .then().statusCode(200).body("urls.size()", equalTo(2));
    }

    @Test
    void hostileOrUnauthorisedEditsAreRefusedAndStoreNothing() {
        var doc = imported("hostile", address("hostile"));
        long id = TestApi.id(doc);
        String reviewer = TestAccounts.token(TestAccounts.create("doc-reviewer", Role.REVIEWER));
        given().header("Authorization", "Bearer " + reviewer).contentType(ContentType.JSON).body(Map.of("version", 1, "title", "x"))
                .patch("/api/documents/" + id).then().statusCode(403);
        given().header("Authorization", "Bearer " + TestApi.editorToken()).contentType(ContentType.TEXT).body("title=x")
                .patch("/api/documents/" + id).then().statusCode(415);
        TestApi.asEditor().body(Map.of("version", 1, "title", "t".repeat(301))).patch("/api/documents/" + id).then().statusCode(400);
        TestApi.asEditor().body(Map.of("version", 1, "title", " ")).patch("/api/documents/" + id).then().statusCode(400);
        TestApi.asEditor().body(Map.of("version", 1, "otherUrls", List.of("javascript:alert(1)"))).patch("/api/documents/" + id)
                .then().statusCode(400);
        TestApi.asEditor().body(Map.of("version", 1, "publishedOn", "yesterday")).patch("/api/documents/" + id).then().statusCode(400);
        TestApi.asEditor().body(Map.of("version", 1, "kind", "PAMPHLET")).patch("/api/documents/" + id).then().statusCode(400);
        TestApi.asEditor().body(Map.of("title", "no version")).patch("/api/documents/" + id).then().statusCode(400);
        TestApi.asEditor().body(Map.of("version", 1, "title", "x")).patch("/api/documents/999999999").then().statusCode(404);
        given().get("/api/documents/" + id).then().body("title", equalTo(doc.get("title"))).body("version", equalTo(1))
                .body("author", equalTo("A. Writer"));
    }

    @Test
    void theDetailsPageEditsWithTheCsrfTokenAndShowsAStaleSaveWithTheCurrentVersion() {
        var doc = imported("page", address("page"));
        String slug = (String) doc.get("slug");
        String cookie = TestAccounts.login(TestAccounts.create("doc-page-editor", Role.EDITOR));
        given().cookie(SESSION_COOKIE, cookie).get("/documents/" + slug).then().statusCode(200)
                .body(containsString("href=\"/documents/" + slug + "/edit\""));
        var page = given().cookie(SESSION_COOKIE, cookie).get("/documents/" + slug + "/edit").then().statusCode(200)
                .body(containsString("value=\"A. Writer\"")).extract();
        String csrf = page.cookie("crux-csrf");
        String mirror = address("page-mirror");
        given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf).formParam("csrf-token", csrf)
                .formParam("version", 1).formParam("title", "Sleep, page edit").formParam("url", (String) null)
                .formParam("otherUrls", mirror + "\n\n").formParam("author", "B. Writer").formParam("publisher", "")
                .formParam("publishedOn", "2023-11-02").formParam("kind", "STUDY")
                .post("/documents/" + slug + "/edit").then().statusCode(303).header("Location", containsString("/documents/" + slug));
        given().get("/api/documents/" + TestApi.id(doc)).then().body("title", equalTo("Sleep, page edit"))
                .body("author", equalTo("B. Writer")).body("kind", equalTo("STUDY")).body("urls", org.hamcrest.Matchers.hasItem(mirror))
                .body("version", equalTo(2));
        given().cookie(SESSION_COOKIE, cookie).get("/documents/" + slug).then().body(containsString("Sleep, page edit"));
        // the same form sent again from version 1: refused, the current version shown beside what was typed
        given().cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf).formParam("csrf-token", csrf)
                .formParam("version", 1).formParam("title", "Typed on a stale page").formParam("kind", "STUDY")
                .post("/documents/" + slug + "/edit").then().statusCode(409)
                .body(containsString("Your unsaved version:</strong> Typed on a stale page"))
                .body(containsString("value=\"Sleep, page edit\"")).body(containsString("name=\"version\" value=\"2\""));
        // without the CSRF token nothing is stored
        given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).formParam("version", 2).formParam("title", "Forged")
                .post("/documents/" + slug + "/edit").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(403)));
        given().get("/api/documents/" + TestApi.id(doc)).then().body("title", equalTo("Sleep, page edit"));
        String reviewer = TestAccounts.login(TestAccounts.create("doc-page-reviewer", Role.REVIEWER));
        given().cookie(SESSION_COOKIE, reviewer).get("/documents/" + slug + "/edit").then().statusCode(403);
        given().cookie(SESSION_COOKIE, reviewer).get("/documents/" + slug).then().body(not(containsString("/edit\"")));
    }

    @Test
    void importingAKnownAddressThroughTheFormLeadsToTheExistingDocument() {
        String url = address("form-dup");
        var first = imported("form-dup", url);
        String cookie = TestAccounts.login(TestAccounts.create("doc-form-dup", Role.EDITOR));
        String csrf = given().cookie(SESSION_COOKIE, cookie).get("/documents/new").then().statusCode(200).extract().cookie("crux-csrf");
        given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf).multiPart("csrf-token", csrf)
                .multiPart("text", TestApi.unique("Another text about sleep\n\nNaps help some people.")).multiPart("title", "Other " + System.nanoTime())
                .multiPart("url", url + "/").multiPart("kind", "ARTICLE")
                .post("/documents").then().statusCode(303).header("Location", containsString("/documents/" + first.get("slug")));
        // the fetch form is answered before anything is fetched (the address is not even reachable)
        given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf).multiPart("csrf-token", csrf)
                .multiPart("fetchUrl", url).multiPart("kind", "ARTICLE")
                .post("/documents").then().statusCode(303).header("Location", containsString("/documents/" + first.get("slug")));
        given().get("/api/documents?q=Other").then().statusCode(200);
    }
}
