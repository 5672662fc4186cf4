package app.crux.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages leave as UTF-8 bytes (HtmlBytes): the charset is declared, non-ASCII text survives, the length is exact. */
@QuarkusTest
class HtmlBytesTest {

    @Test
    void aPageIsSentAsUtf8BytesOfItsExactLength() {
        var response = given().get("/about/scoring").then().statusCode(200).extract();
        assertEquals("text/html;charset=UTF-8", response.contentType().replace(" ", ""));
        byte[] body = response.asByteArray();
        String page = new String(body, StandardCharsets.UTF_8);
        // the page's em dashes are three bytes each in UTF-8: decoded back, they are the characters written
        assertTrue(page.contains("no weight, no distribution, no rationales"), page);
        assertTrue(page.contains(" — on the claim page"), "non-ASCII text arrives as written");
        assertEquals(String.valueOf(body.length), response.header("Content-Length"), "the length counts bytes, not characters");
        // an error page, rendered from a template with another status, goes the same way
        var missing = given().get("/claims/no-such-claim-anywhere").then().statusCode(404).extract();
        assertEquals("text/html;charset=UTF-8", missing.contentType().replace(" ", ""));
        assertTrue(missing.asString().contains("There is nothing at this address. It may have been moved or never existed."),
                missing.asString());
    }
}
