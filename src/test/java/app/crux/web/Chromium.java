package app.crux.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless Chromium for browser tests: Debian's /usr/bin/chromium (Playwright cannot
 * download its own browser here). Without it the tests are skipped, unless
 * CRUX_REQUIRE_BROWSER is set (CI sets it), in which case they fail.
 */
public final class Chromium implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(FLAGS));
    }

    public static Chromium launch() {
        boolean present = Files.isExecutable(EXECUTABLE);
        if (!present && System.getenv("CRUX_REQUIRE_BROWSER") != null) {
            throw new IllegalStateException(EXECUTABLE + " is missing: install Debian's chromium package");
        }
        Assumptions.assumeTrue(present, "no " + EXECUTABLE + "; browser tests skipped");
        return new Chromium();
    }

    /** A fresh page (own cookies) of the given width; height follows the content in screenshots. */
    public Page page(int width) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900)).newPage();
    }

    /** A fresh context (own cookies) of the given width, for tests that keep one per visitor. */
    public BrowserContext context(int width) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900));
    }

    /** A page that lets test scripts (axe-core) in despite the app's Content-Security-Policy. */
    public Page pageForAudit(int width) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900).setBypassCSP(true)).newPage();
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
