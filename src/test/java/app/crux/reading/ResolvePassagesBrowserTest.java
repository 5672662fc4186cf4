package app.crux.reading;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import app.crux.account.User;
import app.crux.web.AxeCore;
import app.crux.web.Chromium;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * In a real browser: an editor revises a document so that one passage is orphaned and one changed,
 * re-selects the orphaned one with the mouse (the extraction popover's third tab), accepts the
 * changed one, and the flags, the list and the navigation count clear. The new pages pass axe.
 */
@QuarkusTest
class ResolvePassagesBrowserTest {

    private static final String CHANGED = "Skipping rope for five minutes raises the pulse without jarring the knees.";
    private static final String LOST = "A rowing machine warms the back and the legs at the same time.";
    private static final String MOVED = "Ten easy minutes of rowing get the legs and the back ready together.";

    @TestHTTPResource("/")
    URL base;

    @Test
    void anEditorRevisesADocumentAndResolvesTheOrphanedAndTheChangedPassage() {
        String unique = String.valueOf(System.nanoTime());
        String text = "Gym warm-ups " + unique + "\n\n" + CHANGED + "\n\n" + LOST + "\n\nFinish with a few light sets.";
        var doc = TestApi.importText("Gym warm-ups " + unique, text);
        String slug = (String) doc.get("slug");
        TestApi.createClaim("Skipping rope is a gentle warm-up " + unique, doc.get("id"), CHANGED).then().statusCode(201);
        TestApi.createClaim("Rowing warms the whole body " + unique, doc.get("id"), LOST).then().statusCode(201);
        User editor = TestAccounts.create("browser-resolver", Role.EDITOR);

        try (Chromium chromium = Chromium.launch()) {
            Page page = chromium.page(1280);
            signIn(page, editor);

            page.navigate(base + "documents/" + slug + "/revise");
            page.locator("textarea[name=text]").fill(text.replace("raises the pulse", "lifts the pulse")
                    .replace(LOST, "Stretch the hips between sets.") + "\n\n" + MOVED);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save revision 2")).click();
            assertThat(page.locator(".flash")).containsText("1 found with different words");
            Locator attention = page.locator("#attention");
            assertThat(attention.locator("article.resolve")).hasCount(2);
            assertThat(attention.locator(".old-quote").first()).containsText(CHANGED);
            int openBefore = Integer.parseInt(page.locator("nav.primary a[href='/review/passages'] .count").textContent().strip());
            Chromium.screenshot(page, "resolve-document-page");

            // the orphaned passage: choose it in the popover's third tab, then select its new words with the mouse
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Re-select a passage to resolve")).click();
            page.locator("#reselect-which").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(
                    "orphaned: “" + LOST + "”"));
            selectWithMouse(page, MOVED);
            assertThat(page.locator("#passage-forms.popover")).isVisible();
            assertThat(page.locator("#reselect-exact")).hasValue(MOVED);
            Chromium.screenshot(page, "resolve-reselect-popover");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Re-select passage")).click();
            assertThat(page.locator(".flash")).containsText("Passage re-selected");
            assertThat(page.locator("mark.hl", new Page.LocatorOptions().setHasText(MOVED))).hasCount(1);
            assertThat(page.locator("#attention article.resolve")).hasCount(1);

            // the changed passage: accept the new wording from the review tab
            page.navigate(base + "review/passages");
            Locator card = page.locator("article.resolve", new Page.LocatorOptions().setHasText("lifts the pulse"));
            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept the new wording")).click();
            assertThat(page.locator(".flash")).containsText("New wording accepted");
            assertThat(page.locator("article.resolve", new Page.LocatorOptions().setHasText("lifts the pulse"))).hasCount(0);
            int openAfter = openCount(page);
            assertEquals(openBefore - 2, openAfter, "both resolved, the navigation says so");

            page.navigate(base + "documents/" + slug);
            assertThat(page.locator("#attention")).hasCount(0);
            assertThat(page.locator("mark.hl", new Page.LocatorOptions().setHasText("lifts the pulse"))).hasCount(1);
            page.navigate(base + "documents/" + slug + "/history");
            assertThat(page.locator("ol.timeline")).containsText("passage.accept");
            assertThat(page.locator("ol.timeline")).containsText("passage.reselect");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theNewPagesHaveNoSeriousAccessibilityViolations() {
        String unique = String.valueOf(System.nanoTime());
        String text = "Rest notes " + unique + "\n\nSleep is when the muscles rebuild after training.\n\nNaps help a little.";
        var doc = TestApi.importText("Rest notes " + unique, text);
        String slug = (String) doc.get("slug");
        long claim = TestApi.createClaim("Sleep rebuilds muscle " + unique, doc.get("id"), "Naps help a little.")
                .then().statusCode(201).extract().<Number>path("id").longValue();
        long evidence = TestApi.asEditor().get("/api/claims/" + claim).then().extract().<Number>path("supports[0].id").longValue();
        TestApi.asEditor().body(Map.of("text", text.replace("Naps help a little.", "Short naps help somewhat.")))
                .put("/api/documents/" + doc.get("id")).then().statusCode(200);
        User editor = TestAccounts.create("browser-audit", Role.EDITOR);
        List<String> pages = List.of("review/passages", "documents/" + slug, "documents/" + slug + "/history",
                "documents/" + slug + "/revisions/1", "documents/" + slug + "/diff?from=1&to=2", "history?kind=document",
                "evidence/" + evidence + "/history");
        String axe = AxeCore.script();
        List<String> problems = new ArrayList<>();
        try (Chromium chromium = Chromium.launch()) {
            for (int width : new int[] {375, 1280}) {
                Page page = chromium.pageForAudit(width);
                signIn(page, editor);
                for (String path : pages) {
                    page.navigate(base + path);
                    page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
                    List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                                .map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') }))""");
                    for (Map<String, Object> v : violations) {
                        problems.add(path + "@" + width + ": " + v.get("id") + " (" + v.get("impact") + ") " + v.get("nodes"));
                    }
                    boolean overflows = (Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
                    if (overflows) {
                        problems.add(path + "@" + width + ": wider than the window");
                    }
                    Chromium.screenshot(page, "history-" + path.replaceAll("[^a-z0-9]+", "-") + "-" + width);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static int openCount(Page page) {
        Locator count = page.locator("nav.primary a[href='/review/passages'] .count");
        return count.count() == 0 ? 0 : Integer.parseInt(count.textContent().strip());
    }

    private void signIn(Page page, User user) {
        page.navigate(base + "login");
        page.getByLabel("Username").fill(user.username);
        page.getByLabel("Password").fill(TestAccounts.PASSWORD);
        page.locator("form.stack button[type=submit]").click();
        assertThat(page.locator("nav.primary a[data-role=editor]").first()).isVisible();
    }

    /** Drags the mouse from the first to the last character of {@code sentence} in the document text. */
    @SuppressWarnings("unchecked")
    private static void selectWithMouse(Page page, String sentence) {
        Map<String, Object> box = (Map<String, Object>) page.evaluate("""
                sentence => {
                  const walker = document.createTreeWalker(document.getElementById('doc-text'), NodeFilter.SHOW_TEXT);
                  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const at = node.textContent.indexOf(sentence);
                    if (at < 0) continue;
                    const first = document.createRange();
                    first.setStart(node, at); first.setEnd(node, at + 1);
                    const last = document.createRange();
                    last.setStart(node, at + sentence.length - 1); last.setEnd(node, at + sentence.length);
                    const a = first.getClientRects()[0], b = last.getClientRects()[0];
                    return {x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2};
                  }
                  return null;
                }""", sentence);
        if (box == null) {
            throw new AssertionError("sentence not on the page: " + sentence);
        }
        page.mouse().move(((Number) box.get("x1")).doubleValue(), ((Number) box.get("y1")).doubleValue());
        page.mouse().down();
        page.mouse().move(((Number) box.get("x2")).doubleValue(), ((Number) box.get("y2")).doubleValue(),
                new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
    }
}
