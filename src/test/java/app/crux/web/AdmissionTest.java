package app.crux.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * web.Admission with a limit of two requests at once. A request is held in flight without any
 * timing guesswork: a login form whose body is announced (Content-Length) but never finished, so
 * the server has admitted it and waits for the rest. With one held, requests still pass; with two
 * held, the next page and API request get the busy 503 with Retry-After at once, health checks
 * still answer; once the held ones are gone, requests pass again.
 */
@QuarkusTest
@TestProfile(AdmissionTest.TwoAtOnce.class)
class AdmissionTest {

    public static class TwoAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the request timeout well beyond the test, so held requests are not answered while it runs
            return Map.of("crux.http.max-concurrent-requests", "2", "crux.http.request-timeout", "PT60S");
        }
    }

    @Test
    void withinTheLimitRequestsPassBeyondItTheyGetBusy503WithRetryAfter() throws Exception {
        assertEquals(200, page().statusCode(), "nothing held: the login page is served");

        try (Socket first = holdInFlight()) {
            // one of two slots taken (whether or not the server has seen it yet): still served
            for (int i = 0; i < 3; i++) {
                assertEquals(200, page().statusCode(), "one request held, limit two: served");
            }
            try (Socket second = holdInFlight()) {
                // the held requests reach the server asynchronously: wait for the refusal, at most 10 s
                Response busy = await(AdmissionTest::page, 503);
                assertEquals("1", busy.header("Retry-After"));
                assertTrue(busy.body().asString().contains("more requests than it can answer"), busy.body().asString());

                Response api = given().accept("application/json").get("/api/claims");
                assertEquals(503, api.statusCode(), api.body().asString());
                assertEquals("1", api.header("Retry-After"));
                api.then().body("error", containsString("more requests than it can answer"));

                // a load balancer must still see the instance alive
                assertEquals(200, given().get("/q/health/live").statusCode());
            }
        }
        // both connections closed: their slots are given back
        assertEquals(200, await(AdmissionTest::page, 200).statusCode());
        assertEquals(200, page().statusCode());
    }

    private static Response page() {
        return given().redirects().follow(false).accept("text/html").get("/login");
    }

    private static Response await(Supplier<Response> request, int status) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        Response last = request.get();
        while (last.statusCode() != status && System.nanoTime() < until) {
            Thread.sleep(50);
            last = request.get();
        }
        assertEquals(status, last.statusCode(), last.body().asString());
        return last;
    }

    /** A login form announced as 100 bytes of which 10 are sent: admitted, then waiting for the rest. */
    private static Socket holdInFlight() throws IOException {
        Socket socket = new Socket("localhost", RawHttp.port());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /j_security_check HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nusername=a")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
