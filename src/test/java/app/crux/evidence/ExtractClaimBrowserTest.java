package app.crux.evidence;

import app.crux.TestAccounts;
import app.crux.account.Role;
import app.crux.account.User;
import app.crux.web.Chromium;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An editor's whole flow in a real browser: import, select with the mouse, claim, attach a conflicting passage. */
@QuarkusTest
class ExtractClaimBrowserTest {

    private static final String FIRST = "Stretching before a run\n\n"
            + "Holding a long static stretch right before a sprint can leave the muscle weaker for several minutes.\n\n"
            + "A brisk walk and leg swings are a gentler start.";
    private static final String FIRST_SENTENCE = "Holding a long static stretch right before a sprint can leave the muscle weaker";
    private static final String SECOND = "Another view\n\n"
            + "In our runners, a short static stretch before sprinting made no measurable difference to speed.\n\n"
            + "Habit matters more than the routine itself.";
    private static final String SECOND_SENTENCE = "a short static stretch before sprinting made no measurable difference to speed";

    @TestHTTPResource("/")
    URL base;

    @Test
    void anEditorPullsAClaimOutOfOneDocumentAndAttachesAConflictingPassageFromAnother() {
        User editor = TestAccounts.create("browser-curator", Role.EDITOR);
        String unique = " " + System.nanoTime();
        try (Chromium chromium = Chromium.launch()) {
            Page page = chromium.page(1280);
            signIn(page, editor);

            importDocument(page, "Sprint stretching" + unique, FIRST + unique);
            selectWithMouse(page, FIRST_SENTENCE);
            assertThat(page.locator("#passage-forms.popover")).isVisible();
            assertThat(page.locator("#new-exact")).hasValue(FIRST_SENTENCE);
            Chromium.screenshot(page, "extract-popover");
            page.locator("#new-statement").fill("Static stretching right before sprinting weakens the muscle" + unique);
            page.locator("#new-tags").fill("stretching, sprinting");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create claim")).click();
            if (page.locator("input[name=confirm]").count() > 0) {
                // other tests' claims may read alike: the editor is asked, and confirms theirs is different
                assertThat(page.locator(".similar-claims")).isVisible();
                page.locator("input[name=confirm]").check();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create claim")).click();
            }
            assertThat(page.locator(".flash")).containsText("Claim created");
            assertThat(page.locator("mark.hl.supports")).hasText(FIRST_SENTENCE);
            String claimHref = page.locator(".passage-note a").first().getAttribute("href");
            String claimSlug = claimHref.substring("/claims/".length());

            importDocument(page, "Runners and stretching" + unique, SECOND + unique);
            selectWithMouse(page, SECOND_SENTENCE);
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Attach to an existing claim")).click();
            page.locator("#attach-claim").fill(claimSlug);
            page.locator("#form-attach input[value=CONFLICTS]").check();
            page.locator("#form-attach details.context summary").click();
            page.locator("#attach-population").fill("recreational runners");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach passage")).click();
            assertThat(page.locator(".flash")).containsText("conflicts evidence");
            assertThat(page.locator("mark.hl.conflicts")).hasText(SECOND_SENTENCE);
            Chromium.screenshot(page, "document-with-conflict");

            page.navigate(base + claimHref.substring(1));
            assertThat(page.locator(".side.supports .evidence-card mark")).hasText(FIRST_SENTENCE);
            assertThat(page.locator(".side.conflicts .evidence-card mark")).hasText(SECOND_SENTENCE);
            assertThat(page.locator(".side.conflicts .evidence-card dl.context")).containsText("recreational runners");
            Chromium.screenshot(page, "claim-both-sides");
        }
    }

    private void signIn(Page page, User user) {
        page.navigate(base + "login");
        page.getByLabel("Username").fill(user.username);
        page.getByLabel("Password").fill(TestAccounts.PASSWORD);
        page.locator("form.stack button[type=submit]").click();
        assertThat(page.locator("nav.primary a[data-role=editor]")).isVisible();
    }

    private void importDocument(Page page, String title, String text) {
        page.navigate(base + "documents/new");
        page.locator("#text").fill(text);
        page.locator("#title").fill(title);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        assertThat(page.locator("h1")).hasText(title);
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
        page.mouse().move(number(box, "x1"), number(box, "y1"));
        page.mouse().down();
        page.mouse().move(number(box, "x2"), number(box, "y2"), new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
    }

    private static double number(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }

}
