package app.crux.web;

import app.crux.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * web.Admission's request timeout, set to one second: an admitted request that has no answer by then
 * (here an editor's document import whose body is announced but never finished) is answered 503 with Retry-After,
 * and the answer does not claim that nothing was saved, since the request's work may go on.
 */
@QuarkusTest
@TestProfile(AdmissionTimeoutTest.OneSecond.class)
class AdmissionTimeoutTest {

    public static class OneSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crux.http.request-timeout", "PT1S");
        }
    }

    @Test
    void aRequestUnansweredWithinTheTimeoutGets503SayingItMayStillBeSaved() throws IOException {
        try (Socket socket = new Socket("localhost", RawHttp.port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/documents HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + "Authorization: Bearer " + TestApi.editorToken() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"title\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            String answer = readAnswer(socket.getInputStream());
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
            assertTrue(answer.contains("Retry-After: 1") || answer.contains("retry-after: 1"), answer);
            assertTrue(answer.contains("did not finish this request within 1 second."), answer);
            assertTrue(answer.contains("look whether it was saved"), answer);
            assertFalse(answer.contains("Nothing was saved"), answer);
            assertTrue(waitedMs >= 900 && waitedMs < 10_000, "answered at the timeout, after " + waitedMs + " ms");
        }
    }

    /** The status line, headers and as much of the body as has arrived once the headers are complete. */
    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[4096];
        int read;
        while ((read = in.read(buffer)) > 0) {
            answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            int headersEnd = answer.indexOf("\r\n\r\n");
            if (headersEnd >= 0 && answer.indexOf("}", headersEnd) > 0) {
                break;
            }
        }
        return answer.toString();
    }
}
