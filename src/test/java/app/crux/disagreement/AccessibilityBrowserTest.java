package app.crux.disagreement;

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

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reader pages pass axe-core with no serious or critical violations, at phone and desktop widths. */
@QuarkusTest
class AccessibilityBrowserTest {

    private static final int[] WIDTHS = {375, 1280};

    @TestHTTPResource("/")
    URL base;

    @Test
    @SuppressWarnings("unchecked")
    void readerPagesHaveNoSeriousAccessibilityViolations() {
        ReaderFixture f = new ReaderFixture();
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("home", "");
        pages.put("contested", "contested");
        pages.put("claim", "claims/" + f.claimSlug());
        pages.put("document", "documents/" + f.first.get("slug"));
        pages.put("compare", "compare?a=" + f.first.get("slug") + "&b=" + f.second.get("slug"));
        pages.put("disagreements", "disagreements?tag=" + f.tag);
        pages.put("search", "search?q=stretching");
        pages.put("tag", "tags/" + f.tag);
        pages.put("scoring", "about/scoring");
        pages.put("login", "login");
        String axe = AxeCore.script();
        List<String> problems = new ArrayList<>();
        try (Chromium chromium = Chromium.launch()) {
            for (int width : WIDTHS) {
                Page page = chromium.pageForAudit(width);
                for (var entry : pages.entrySet()) {
                    page.navigate(base + entry.getValue());
                    page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
                    List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                                .map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') }))""");
                    for (Map<String, Object> v : violations) {
                        problems.add(entry.getKey() + "@" + width + ": " + v.get("id") + " (" + v.get("impact") + ") " + v.get("nodes"));
                    }
                    Chromium.screenshot(page, "reader-" + entry.getKey() + "-" + width);
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
