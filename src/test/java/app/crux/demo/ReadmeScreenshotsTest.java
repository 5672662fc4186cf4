package app.crux.demo;

import app.crux.TestAccounts;
import app.crux.web.Chromium;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * README's screenshots, taken from the demo corpus at 1280 px so they never go stale. Always
 * written to target/screenshots/readme/; copied over docs/screenshots/ only when asked, with
 * {@code -Dreadme.screenshots=docs/screenshots}, so an ordinary test run leaves the tree clean:
 * <pre>mvn test -Dtest=ReadmeScreenshotsTest -Dreadme.screenshots=docs/screenshots</pre>
 */
@QuarkusTest
@TestProfile(DemoMode.class)
class ReadmeScreenshotsTest {

    private static final Path OUT = Chromium.SCREENSHOTS.resolve("readme");
    private static final Pattern DEMO_LINE = Pattern.compile("^ {17}(editor|reviewer) +([A-Za-z0-9]{20}) ", Pattern.MULTILINE);

    @TestHTTPResource("/")
    URL base;

    @Inject
    EntityManager em;

    @Test
    void readmeScreenshots() throws IOException {
        assumeTrue(System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null, "needs the demo corpus in a fresh database");
        Map<String, String> passwords = new LinkedHashMap<>();
        Matcher lines = DEMO_LINE.matcher(Files.readString(DemoMode.LOG));
        while (lines.find()) {
            passwords.put(lines.group(1), lines.group(2));
        }
        Object[] pair = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                SELECT da.slug, db.slug FROM evidence a
                JOIN evidence b ON b.claim_id = a.claim_id AND b.stance <> a.stance AND b.document_id > a.document_id
                JOIN claim c ON c.id = a.claim_id AND c.status = 'PUBLISHED'
                JOIN document da ON da.id = a.document_id JOIN document db ON db.id = b.document_id
                GROUP BY da.slug, db.slug ORDER BY count(DISTINCT a.claim_id) DESC, 1, 2 LIMIT 1""").getSingleResult());
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "");
        pages.put("claim-page", "claims/tight-hamstrings-cause-low-back-pain");
        pages.put("compare", "compare?a=" + pair[0] + "&b=" + pair[1]);
        pages.put("disagreement-map", "disagreements");
        try (Chromium chromium = Chromium.launch()) {
            Files.createDirectories(OUT);
            Page reader = chromium.page(1280);
            pages.forEach((name, path) -> shoot(reader, path, name));
            // the editor sees the document with its passages to check after the revision
            shoot(signedIn(chromium, "editor", passwords), "documents/five-yoga-poses-that-release-sciatica", "document-page");
            shoot(signedIn(chromium, "reviewer", passwords), "review", "review-queue");
        }
        String target = System.getProperty("readme.screenshots");
        if (target != null && !target.isBlank()) {
            Path into = Path.of(target);
            Files.createDirectories(into);
            try (var shots = Files.list(OUT)) {
                for (Path shot : shots.toList()) {
                    Files.copy(shot, into.resolve(shot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private Page signedIn(Chromium chromium, String username, Map<String, String> passwords) {
        assertTrue(passwords.containsKey(username), "the banner printed no password for " + username);
        BrowserContext context = chromium.context(1280);
        context.addCookies(List.of(new Cookie(TestAccounts.SESSION_COOKIE, TestAccounts.login(username, passwords.get(username)))
                .setUrl(base.toString())));
        return context.newPage();
    }

    private void shoot(Page page, String path, String name) {
        var response = page.navigate(base + path);
        assertEquals(200, response.status(), path);
        // the README shows the top of each page: a 1280 × 900 viewport, not the whole scroll
        page.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve(name + ".png")));
    }
}
