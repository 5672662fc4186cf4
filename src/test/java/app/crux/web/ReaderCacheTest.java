package app.crux.web;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conditional GETs on reader pages and public API lists: ETag from the data's version and the viewer, 304 without rendering. */
@QuarkusTest
class ReaderCacheTest {

    private static final String QUOTE = "Cold showers after training shortened soreness in a small group.";

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void anAnonymousReaderGetsAPublicTagAndA304ThatCostsOneQueryUntilTheDataChanges() {
        String unique = String.valueOf(System.nanoTime());
        var doc = TestApi.importText("Cold water " + unique, "Notes " + unique + "\n\n" + QUOTE);
        long claim = TestApi.createClaim("Cold showers help recovery " + unique, doc.get("id"), QUOTE)
                .then().statusCode(201).extract().<Number>path("id").longValue();
        String path = "/claims/" + given().get("/api/claims/" + claim).then().extract().<String>path("slug");

        Response first = given().get(path).then().statusCode(200).extract().response();
        String tag = first.header("ETag");
        assertNotNull(tag);
        assertTrue(tag.startsWith("W/\""), tag);
        assertEquals("public, max-age=10", first.header("Cache-Control"));
        assertNotNull(first.header("Last-Modified"));
        assertTrue(first.header("Vary").contains("Cookie"));
        assertNull(first.header("Set-Cookie"), "a publicly cacheable answer sets no cookie");
        assertTrue(first.asString().contains("Cold showers help recovery " + unique));

        long before = statements();
        Response again = given().header("If-None-Match", tag).get(path).then().statusCode(304).extract().response();
        assertEquals(1, statements() - before, "a 304 costs the one version query");
        assertEquals("", again.asString());
        assertEquals(tag, again.header("ETag"));
        assertEquals("public, max-age=10", again.header("Cache-Control"));
        // a list of tags and a strong spelling of the same tag match too (weak comparison)
        given().header("If-None-Match", "\"other\", " + tag.substring(2)).get(path).then().statusCode(304);
        given().header("If-None-Match", "*").get(path).then().statusCode(200);

        // a vote changes the data: the old tag no longer matches and the page shows the new weight
        String reviewer = TestAccounts.token(TestAccounts.create("cache-reviewer", Role.REVIEWER));
        long evidence = given().get("/api/claims/" + claim).then().extract().<Number>path("supports[0].id").longValue();
        given().header("Authorization", "Bearer " + reviewer).contentType(ContentType.JSON).body(Map.of("strength", "HIGH"))
                .put("/api/evidence/" + evidence + "/vote").then().statusCode(200);
        Response changed = given().header("If-None-Match", tag).get(path).then().statusCode(200).extract().response();
        assertNotEquals(tag, changed.header("ETag"));
        assertTrue(changed.asString().contains("Weight 4.00"), "the page shows the vote");
    }

    @Test
    void signedInViewsAreNeverSharedAndGetTheirOwnTag() {
        String cookie = TestAccounts.login(TestAccounts.create("cache-reader", Role.REVIEWER));
        Response anonymous = given().get("/contested").then().statusCode(200).extract().response();
        Response signedIn = given().cookie(TestAccounts.SESSION_COOKIE, cookie).get("/contested").then().statusCode(200).extract().response();
        assertEquals("private, no-cache", signedIn.header("Cache-Control"));
        assertNotNull(signedIn.header("ETag"));
        assertNotEquals(anonymous.header("ETag"), signedIn.header("ETag"));
        // the anonymous tag never answers a signed-in request (their page differs), their own does
        given().cookie(TestAccounts.SESSION_COOKIE, cookie).header("If-None-Match", anonymous.header("ETag"))
                .get("/contested").then().statusCode(200).header("Cache-Control", "private, no-cache");
        given().cookie(TestAccounts.SESSION_COOKIE, cookie).header("If-None-Match", signedIn.header("ETag"))
                .get("/contested").then().statusCode(304).header("Cache-Control", "private, no-cache");
        // nor does a signed-in tag answer an anonymous reader
        given().header("If-None-Match", signedIn.header("ETag")).get("/contested").then().statusCode(200);
    }

    @Test
    void aFlashMessageIsNeverAnsweredFromACache() {
        Response page = given().get("/contested").then().statusCode(200).extract().response();
        given().cookie("crux-flash", "x").header("If-None-Match", page.header("ETag")).get("/contested")
                .then().statusCode(200).header("ETag", (String) null);
    }

    @Test
    void publicApiListsAnswerConditionallyAndItemsKeepTheirVersionTags() {
        Response contested = given().get("/api/contested").then().statusCode(200).extract().response();
        assertEquals("public, max-age=10", contested.header("Cache-Control"));
        given().header("If-None-Match", contested.header("ETag")).get("/api/contested").then().statusCode(304);
        given().header("If-None-Match", given().get("/api/search?q=cold").header("ETag")).get("/api/search?q=cold")
                .then().statusCode(304);
        // a claim's own ETag stays its version, the one If-Match compares
        long claim = TestApi.createClaim("Cold baths help " + System.nanoTime(), null, null)
                .then().statusCode(201).extract().<Number>path("id").longValue();
        given().get("/api/claims/" + claim).then().statusCode(200).header("ETag", "\"0\"");
    }

    private long statements() {
        return entityManagerFactory.unwrap(SessionFactory.class).getStatistics().getPrepareStatementCount();
    }
}
