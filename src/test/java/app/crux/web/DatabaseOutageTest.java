package app.crux.web;

import app.crux.EmbeddedPostgresResource;
import app.crux.TestAccounts;
import app.crux.account.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The test database stopped for a moment: pages, the API and bearer-token requests answer 503 with
 * Retry-After at once (not 500, not 401), and Crux serves again by itself once PostgreSQL is back.
 * ops/db-restart.sh proves the same under load, with Debian's PostgreSQL too.
 */
@QuarkusTest
class DatabaseOutageTest {

    @Test
    void whileThePostgresqlServerIsDownRequestsGet503AndCruxRecoversByItself() throws Exception {
        Path pgdata = EmbeddedPostgresResource.runningDataDir().orElse(null);
        assumeTrue(pgdata != null, "needs the embedded test database (not an external one) to stop and start it");
        String token = TestAccounts.token(TestAccounts.create("outage", Role.REVIEWER));
        given().get("/").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).get("/api/claims").then().statusCode(200);

        List<String> postmaster = List.of(Files.readString(pgdata.resolve("postmaster.opts")).strip().split(" ", 2));
        String pgCtl = Path.of(postmaster.get(0)).resolveSibling("pg_ctl").toString();
        pgCtl(pgCtl, "-D", pgdata.toString(), "-m", "fast", "-w", "stop");
        try {
            long start = System.nanoTime();
            Response page = given().accept(ContentType.HTML).get("/");
            long pageMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(503, page.statusCode(), page.asString());
            assertEquals("5", page.header("Retry-After"));
            assertTrue(page.contentType().startsWith("text/html"), page.contentType());
            assertTrue(page.asString().contains("Try again in a moment"), page.asString());
            // the bar is 1 s (ops/db-restart.sh); a shared test machine gets some slack
            assertTrue(pageMillis < 2_500, "the 503 took " + pageMillis + " ms");

            Response api = given().get("/api/claims");
            assertEquals(503, api.statusCode(), api.asString());
            assertEquals("5", api.header("Retry-After"));
            assertTrue(api.jsonPath().getString("error").contains("cannot reach its database"), api.asString());

            // a token cannot be checked: that is not "your token is invalid" (401)
            Response vote = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                    .body(Map.of("strength", "HIGH")).put("/api/evidence/1/vote");
            assertEquals(503, vote.statusCode(), vote.asString());
            assertTrue(vote.jsonPath().getString("error").contains("cannot reach its database"), vote.asString());

            Response health = given().get("/q/health/ready");
            assertEquals(503, health.statusCode(), health.asString());
        } finally {
            pgCtl(pgCtl, "-D", pgdata.toString(), "-w", "-l", pgdata.resolveSibling("restart.log").toString(),
                    "-o", postmaster.get(1), "start");
        }
        long back = System.nanoTime();
        int status = 0;
        while (System.nanoTime() - back < TimeUnit.SECONDS.toNanos(10)) {
            status = given().get("/").statusCode();
            if (status == 200) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(200, status, "Crux did not serve again within 10 s of PostgreSQL being back");
        given().header("Authorization", "Bearer " + token).get("/api/claims").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static void pgCtl(String... command) throws IOException, InterruptedException {
        // as zonky does for root: in a user namespace (PostgreSQL refuses to run as root)
        List<String> line = new java.util.ArrayList<>();
        if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare"))) {
            line.addAll(List.of("/usr/bin/unshare", "-U"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
    }
}
