package app.crux.document;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Each way into Crux — pasted text, files, web pages, JSON — and each refusal. */
@QuarkusTest
class DocumentImportTest {

    private static final String ARTICLE = "Warm-ups and hamstrings\r\n\r\n\r\n\r\nA short jog raises muscle temperature.   \r\n"
            + "  • Hold each stretch briefly.\r\n\r\nCafe\u0301 owners disagree.";
    private static final String NORMALISED = "Warm-ups and hamstrings\n\nA short jog raises muscle temperature.\n"
            + "  • Hold each stretch briefly.\n\nCafé owners disagree.";
    private static final String HTML_PAGE = "<!doctype html><html><head><title>Posture myths</title><script>alert(1)</script></head>"
            + "<body><nav>Home | About</nav><article><h1>Posture myths</h1><p>Sitting up straight is not a cure-all.</p>"
            + "<ul><li>Move often.</li><li>Vary your position.</li></ul></article><footer>Copyright</footer></body></html>";

    @Test
    void pastedTextIsNormalisedOnceAndOffsetsReferToIt() {
        String marker = " Id " + System.nanoTime();
        Map<String, Object> created = TestApi.importText("Normalised" + marker, ARTICLE + marker);
        given().get("/api/documents/" + created.get("id")).then().statusCode(200)
                .body("text", equalTo(NORMALISED + marker)).body("excerpts.size()", equalTo(0));
    }

    @Test
    void theSameTextTwiceIsRefusedWithTheExistingDocument() {
        String text = TestApi.unique("Static stretching before a sprint may blunt power for a short while.");
        Map<String, Object> first = TestApi.importText("Original", text);
        TestApi.asEditor().body(Map.of("title", "Copy", "text", text + "\r\n")).post("/api/documents")
                .then().statusCode(409).body("existingId", equalTo(first.get("id"))).body("error", containsString("already in Crux"));
    }

    @Test
    void aCitationOnlySourceHasNoText() {
        TestApi.asEditor().body(Map.of("title", "Sports Medicine Journal, 2021", "kind", "STUDY")).post("/api/documents")
                .then().statusCode(201).body("text", equalTo(null)).body("kind", equalTo("STUDY"));
    }

    @Test
    void emptyAndBlankTextAreRefused() {
        TestApi.asEditor().body(Map.of("title", "Nothing", "text", "   \n\n  ")).post("/api/documents")
                .then().statusCode(400).body("error", notNullValue());
    }

    @Test
    void htmlIsReducedToCleanTextWithoutScriptsOrNavigation() {
        String page = HTML_PAGE.replace("Copyright", "Copyright " + System.nanoTime());
        String body = TestApi.asEditor().body(Map.of("html", page.replace("cure-all", "cure-all " + System.nanoTime())))
                .post("/api/documents").then().statusCode(201).body("title", equalTo("Posture myths"))
                .extract().path("text");
        org.junit.jupiter.api.Assertions.assertTrue(body.contains("Sitting up straight is not a cure-all"), body);
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("alert"), body);
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("Home | About"), body);
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("<"), body);
    }

    @Test
    void uploadsAreCheckedByContentNotByName() {
        String cookie = TestAccounts.login(TestAccounts.create("uploader", Role.EDITOR));
        String csrf = csrf(cookie);
        upload(cookie, csrf, "notes.txt", ("Foam rolling notes " + System.nanoTime() + "\n\nRolling may ease soreness.")
                .getBytes(StandardCharsets.UTF_8)).then().statusCode(303);
        upload(cookie, csrf, "plan.md", ("# Mobility plan " + System.nanoTime() + "\n\n- hips\n- ankles")
                .getBytes(StandardCharsets.UTF_8)).then().statusCode(303);
        upload(cookie, csrf, "page.txt", HTML_PAGE.replace("Move often", "Move often " + System.nanoTime())
                .getBytes(StandardCharsets.UTF_8)).then().statusCode(303);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        upload(cookie, csrf, "photo.txt", png).then().statusCode(400).body(containsString("PNG"));
        byte[] pdf = "%PDF-1.7\n%binary".getBytes(StandardCharsets.ISO_8859_1);
        upload(cookie, csrf, "paper.txt", pdf).then().statusCode(400).body(containsString("PDF"));
        byte[] latin1 = "Caf\u00e9 stretching".getBytes(StandardCharsets.ISO_8859_1);
        upload(cookie, csrf, "old.txt", latin1).then().statusCode(400).body(containsString("UTF-8"));
        upload(cookie, csrf, "empty.txt", new byte[0]).then().statusCode(400);
    }

    @Test
    void aWebPageIsFetchedAndCleaned() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String unique = "Lunges before running " + System.nanoTime();
        server.createContext("/article", exchange -> {
            byte[] body = HTML_PAGE.replace("Sitting up straight is not a cure-all.", unique).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String cookie = TestAccounts.login(TestAccounts.create("fetcher", Role.EDITOR));
            String csrf = csrf(cookie);
            String address = "http://127.0.0.1:" + server.getAddress().getPort() + "/article";
            String location = form(cookie, csrf).multiPart("fetchUrl", address).post("/documents")
                    .then().statusCode(303).extract().header("Location");
            given().get(location).then().statusCode(200).body(containsString(unique)).body(not(containsString("alert(1)")));
            form(cookie, csrf).multiPart("fetchUrl", "http://127.0.0.1:1/nothing-here").post("/documents")
                    .then().statusCode(400).body(containsString("reach"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anonymousPeopleAndReviewersCannotImport() {
        given().contentType(ContentType.JSON).body(Map.of("title", "x", "text", "y y y")).post("/api/documents").then().statusCode(401);
        String reviewer = TestAccounts.token(TestAccounts.create("no-import", Role.REVIEWER));
        given().header("Authorization", "Bearer " + reviewer).contentType(ContentType.JSON)
                .body(Map.of("title", "x", "text", "y y y")).post("/api/documents").then().statusCode(403);
    }

    private static io.restassured.specification.RequestSpecification form(String cookie, String csrf) {
        return given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf)
                .multiPart("csrf-token", csrf).multiPart("kind", "ARTICLE");
    }

    private static io.restassured.response.Response upload(String cookie, String csrf, String name, byte[] content) {
        return form(cookie, csrf).multiPart("file", name, content, "application/octet-stream").post("/documents");
    }

    static String csrf(String cookie) {
        return given().cookie(SESSION_COOKIE, cookie).get("/documents/new").then().statusCode(200).extract().cookie("crux-csrf");
    }
}
