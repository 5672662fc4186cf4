package app.crux.evidence;

import app.crux.TestAccounts;
import app.crux.account.Role;
import app.crux.account.User;
import app.crux.web.AxeCore;
import app.crux.web.Chromium;
import com.microsoft.playwright.Page;
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
 * The claim page with a card's Edit disclosure open, as an editor sees it at phone and desktop widths: no
 * horizontal overflow, no serious or critical axe-core violation, and a correction saved through it.
 */
@QuarkusTest
class EvidenceEditBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    @SuppressWarnings("unchecked")
    void theEditFormOpensOnTheCardFitsAPhoneAndSaves() {
        var c = EvidenceCorrectionApiTest.claimWithTwoSides("browser");
        long id = (long) c.get("conflictId");
        long detached = (long) c.get("supportId");
        app.crux.TestApi.asEditor().delete("/api/evidence/" + detached).then().statusCode(200);
        User editor = TestAccounts.create("browser-corrector", Role.EDITOR);
        String axe = AxeCore.script();
        List<String> problems = new ArrayList<>();
        try (Chromium chromium = Chromium.launch()) {
            for (int width : List.of(375, 1280)) {
                Page page = chromium.pageForAudit(width);
                page.navigate(base + "login");
                page.getByLabel("Username").fill(editor.username);
                page.getByLabel("Password").fill(TestAccounts.PASSWORD);
                page.locator("form.stack button[type=submit]").click();
                page.navigate(base + "claims/" + c.get("slug") + "#evidence-" + id);
                page.locator("#evidence-" + id + " details.evidence-edit > summary").click();
                page.locator("#evidence-" + id + " details.evidence-edit details.context > summary").click();
                assertThat(page.locator("#evidence-" + id + " textarea[name=note]")).isVisible();
                assertThat(page.locator("#detached-" + detached)).containsText("Raising step rate");
                Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (overflow.intValue() > 0) {
                    problems.add("overflow@" + width + ": " + overflow);
                }
                page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
                List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                        async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                            .filter(v => v.impact === 'serious' || v.impact === 'critical')
                            .map(v => ({ id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') }))""");
                violations.forEach(v -> problems.add("axe@" + width + ": " + v.get("id") + " " + v.get("nodes")));
                Chromium.screenshot(page, "claim-evidence-edit-" + width);
                if (width == 1280) {
                    page.locator("#evidence-" + id + "-edit-population").fill("Trail runners");
                    page.locator("#evidence-" + id + " button:has-text('Save correction')").click();
                    assertThat(page.locator(".flash")).containsText("Evidence corrected");
                    assertThat(page.locator("#evidence-" + id + " dl.context")).containsText("Trail runners");
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
