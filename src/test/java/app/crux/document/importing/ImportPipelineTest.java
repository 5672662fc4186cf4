package app.crux.document.importing;

import app.crux.document.anchoring.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Normalisation, HTML cleaning, upload sniffing and the fetcher's address guard, without a server. */
class ImportPipelineTest {

    @Test
    void normalisingFixesLineEndingsSpacesAndCompositionButKeepsWhatReadersSee() {
        String raw = "\uFEFFTitle\r\n\r\n\r\n\r\nFirst line   \r\n  • indented bullet\tand tab\r\nCafe\u0301 10â30 s\u00A0here\n\n\n";
        assertEquals("Title\n\nFirst line\n  • indented bullet and tab\nCafé 10â30 s here", TextNormalizer.normalize(raw));
    }

    @Test
    void htmlKeepsParagraphsAndListsAndDropsScriptsAndChrome() {
        var extracted = HtmlText.fromHtml("<html><head><title>Knee pain</title><style>p{}</style></head><body>"
                + "<header>Site</header><main><h1>Knee pain</h1><p>Squats are <b>fine</b> for most knees.</p>"
                + "<ul><li>Go slow</li><li>Stop if it hurts</li></ul><p><img src=x onerror=alert(1)><a href='javascript:x'>link</a></p>"
                + "<script>steal()</script></main><footer>Legal</footer></body></html>", "https://example.org/");
        assertEquals("Knee pain", extracted.title());
        assertEquals("Knee pain\n\nSquats are fine for most knees.\n\n• Go slow\n• Stop if it hurts\n\nlink", extracted.text());
    }

    @Test
    void uploadsAreJudgedByContent() {
        assertEquals(UploadedText.Format.HTML,
                UploadedText.decode("<!doctype html><p>Hello there</p>".getBytes(StandardCharsets.UTF_8), "a.txt", 1000).format());
        assertEquals("Mobility", UploadedText.decode("# Mobility\n\n- hips".getBytes(StandardCharsets.UTF_8), "a.md", 1000).title());
        var pdf = assertThrows(ImportRefused.class, () -> UploadedText.decode("%PDF-1.4 x".getBytes(StandardCharsets.UTF_8), "a.txt", 1000));
        assertTrue(pdf.getMessage().contains("PDF"));
        var bad = assertThrows(ImportRefused.class, () -> UploadedText.decode(new byte[] {'o', 'k', (byte) 0xC3, '('}, "a.txt", 1000));
        assertEquals(ImportRefused.Reason.BAD_ENCODING, bad.reason);
        assertTrue(bad.getMessage().contains("position 2"), bad.getMessage());
        assertEquals(ImportRefused.Reason.TOO_LARGE,
                assertThrows(ImportRefused.class, () -> UploadedText.decode(new byte[2000], "a.txt", 1000)).reason);
        assertEquals(ImportRefused.Reason.EMPTY,
                assertThrows(ImportRefused.class, () -> UploadedText.decode(new byte[0], "a.txt", 1000)).reason);
    }

    @Test
    void theFetcherRefusesPrivateAndLoopbackAddresses() throws Exception {
        UrlFetcher fetcher = new UrlFetcher(Duration.ofSeconds(2), 1000, false);
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "::1",
                "fc00::1", "fe80::1", "100.64.0.1", "0.0.0.0"}) {
            assertTrue(fetcher.forbidden(InetAddress.getByName(address)), address);
        }
        assertFalse(fetcher.forbidden(InetAddress.getByName("93.184.216.34")));
        var refused = assertThrows(ImportRefused.class, () -> fetcher.fetch("http://169.254.169.254/latest/meta-data/"));
        assertEquals(ImportRefused.Reason.FORBIDDEN_ADDRESS, refused.reason);
        assertEquals(ImportRefused.Reason.UNSUPPORTED_TYPE,
                assertThrows(ImportRefused.class, () -> fetcher.fetch("file:///etc/passwd")).reason);
    }
}
