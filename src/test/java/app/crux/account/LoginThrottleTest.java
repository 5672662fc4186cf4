package app.crux.account;

import app.crux.CruxConfig;
import app.crux.TestAccounts;
import app.crux.account.LoopbackClient.Reply;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Map;

import static app.crux.TestAccounts.PASSWORD;
import static app.crux.TestAccounts.SESSION_COOKIE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Login throttling holds when the guesses arrive all at once, and no input to a sign-in,
 * however long or strange, gets more than an ordinary refusal. Each test signs in from an
 * address of its own (LoopbackClient), so other tests' failures do not count against it.
 */
@QuarkusTest
class LoginThrottleTest {

    private static final String WRONG = "not-the-right-passphrase";
    private static final int PARALLEL = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Inject
    CruxConfig config;

    @Test
    void parallelWrongPasswordsToTheTokenApiReachTheCheckAtMostTheAllowedNumberOfTimes() throws Exception {
        User editor = TestAccounts.create("par-token", Role.EDITOR);
        int max = config.login().maxFailuresPerAccount();
        assertEquals(5, max);
        LoopbackClient client = new LoopbackClient(base.getPort());
        String body = json(Map.of("username", editor.username, "password", WRONG));

        List<Reply> replies = LoopbackClient.atOnce(PARALLEL, i -> client.postJson("/api/auth/token", body));

        long checked = replies.stream().filter(r -> r.status() == 401 && r.body().contains("not right")).count();
        long throttled = replies.stream().filter(r -> r.status() == 401 && r.body().contains("Too many")).count();
        assertEquals(PARALLEL, checked + throttled, replies.toString());
        assertTrue(checked <= max, checked + " wrong passwords reached the check, more than " + max);
        assertEquals(checked, failuresOf(editor.username), "every checked guess, and only those, is stored");
        // a burst may be refused beyond need (a guess still counts while it is checked); one by one, the rest
        // of the allowance is there, and then the account pauses: the right password is refused as well
        for (long i = checked; i < max; i++) {
            assertTrue(client.postJson("/api/auth/token", body).body().contains("not right"));
        }
        Reply right = client.postJson("/api/auth/token", json(Map.of("username", editor.username, "password", PASSWORD)));
        assertEquals(401, right.status());
        assertTrue(right.body().contains("Too many"), right.body());
    }

    @Test
    void parallelWrongPasswordsToTheLoginFormReachTheCheckAtMostTheAllowedNumberOfTimes() throws Exception {
        User editor = TestAccounts.create("par-form", Role.EDITOR);
        int max = config.login().maxFailuresPerAccount();
        LoopbackClient client = new LoopbackClient(base.getPort());
        Map<String, String> wrong = Map.of("username", editor.username, "password", WRONG);

        List<Reply> replies = LoopbackClient.atOnce(PARALLEL, i -> client.postForm("/j_security_check", wrong));

        for (Reply reply : replies) {
            assertEquals(302, reply.status(), reply.head());
            assertTrue(reply.header("Location").endsWith("/login?error=1"), reply.head());
            assertFalse(reply.setsCookie(SESSION_COOKIE), reply.head());
        }
        long reached = failuresOf(editor.username);
        assertTrue(reached <= max, reached + " wrong passwords reached the check, more than " + max);
        for (long i = reached; i < max; i++) {
            client.postForm("/j_security_check", wrong);
        }
        assertEquals(max, failuresOf(editor.username));
        Reply right = client.postForm("/j_security_check", Map.of("username", editor.username, "password", PASSWORD));
        assertTrue(right.header("Location").endsWith("/login?error=1"), right.head());
        assertFalse(right.setsCookie(SESSION_COOKIE), right.head());
        assertEquals(max, failuresOf(editor.username), "a throttled attempt leaves no row");
    }

    @Test
    void parallelGuessesFromOneAddressStopAtThePerAddressLimit() throws Exception {
        int perAddress = config.login().maxFailuresPerAddress();
        LoopbackClient client = new LoopbackClient(base.getPort());
        String prefix = "gone-" + System.nanoTime() % 100000;
        int earlier = perAddress - 5;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < earlier; i++) {
                LoginFailure.record(prefix + "-earlier-" + i, client.address());
            }
        });
        assertEquals(earlier, failuresFrom(client.address()));

        // a different (unknown) account each time, so only the address limit applies
        List<Reply> replies = LoopbackClient.atOnce(PARALLEL, i ->
                client.postJson("/api/auth/token", json(Map.of("username", prefix + "-" + i, "password", WRONG))));

        long checked = replies.stream().filter(r -> r.status() == 401 && r.body().contains("not right")).count();
        long throttled = replies.stream().filter(r -> r.status() == 401 && r.body().contains("Too many")).count();
        assertEquals(PARALLEL, checked + throttled, replies.toString());
        assertTrue(checked <= 5, checked + " guesses reached the check with room for 5");
        assertEquals(earlier + checked, failuresFrom(client.address()));
    }

    @Test
    void anyLengthOfUsernameOrPasswordGetsAnOrdinaryRefusal() {
        User editor = TestAccounts.create("huge-input", Role.EDITOR);
        LoopbackClient client = new LoopbackClient(base.getPort());
        String huge = "u".repeat(3000);
        List<Map<String, String>> attempts = List.of(
                Map.of("username", huge, "password", WRONG),
                Map.of("username", editor.username, "password", "p".repeat(3000)),
                Map.of("username", "nul\u0000name\r\nforged log line", "password", WRONG),
                Map.of("username", "\uD800half-a-surrogate", "password", "\u0000"),
                Map.of("username", "ÄÖÜ-" + "é".repeat(2000), "password", huge));
        for (Map<String, String> attempt : attempts) {
            Reply api = client.postJson("/api/auth/token", json(attempt));
            assertEquals(401, api.status(), api.head() + "\n" + api.body());
            assertTrue(api.body().contains("not right"), api.body());
            Reply form = client.postForm("/j_security_check", attempt);
            assertEquals(302, form.status(), form.head());
            assertTrue(form.header("Location").endsWith("/login?error=1"), form.head());
        }
        // each failure counted under a bounded key: the name when it can be a username, else a digest
        List<String> keys = QuarkusTransaction.requiringNew().call(() -> LoginFailure.<LoginFailure>list("address", client.address())
                .stream().map(f -> f.username).toList());
        assertEquals(2 * attempts.size(), keys.size(), keys.toString());
        assertTrue(keys.stream().allMatch(key -> key.equals(editor.username) || key.matches("#[0-9a-f]{64}")), keys.toString());
        assertTrue(keys.contains(editor.username));
    }

    private static long failuresOf(String username) {
        return QuarkusTransaction.requiringNew().call(() -> LoginFailure.count("username", username));
    }

    private static long failuresFrom(String address) {
        return QuarkusTransaction.requiringNew().call(() -> LoginFailure.count("address", address));
    }

    private static String json(Map<String, String> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
