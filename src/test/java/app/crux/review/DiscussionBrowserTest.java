package app.crux.review;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import app.crux.account.User;
import app.crux.web.AxeCore;
import app.crux.web.Chromium;
import com.microsoft.playwright.Locator;
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
 * Two reviewers rate one passage high and low in the browser, discuss it on the card and in the queue's
 * "Needs discussion" tab, one changes their rating and the mark clears; an editor's note then reaches readers.
 * The new tab and card are screenshot and checked with axe at 375 and 1280 px.
 */
@QuarkusTest
class DiscussionBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void twoReviewersDisagreeDiscussAndTheMarkClears() {
        String unique = String.valueOf(System.nanoTime());
        long doc = TestApi.id(TestApi.importText("Sleep diary " + unique, "Sleep diary " + unique
                + "\n\nParticipants who dimmed screens an hour before bed fell asleep eleven minutes sooner.\n\nOther notes."));
        Map<String, Object> claim = TestApi.createClaim("Dimming screens before bed speeds sleep onset " + unique, doc,
                "Participants who dimmed screens an hour before bed fell asleep eleven minutes sooner.")
                .then().statusCode(201).extract().as(Map.class);
        long item = ((Number) ((Map<?, ?>) claim.get("evidence")).get("id")).longValue();
        String claimUrl = base + "claims/" + claim.get("slug");
        User a = TestAccounts.create("talk-a", Role.REVIEWER);
        User b = TestAccounts.create("talk-b", Role.REVIEWER);
        User editor = TestAccounts.create("talk-editor", Role.EDITOR);
        List<String> problems = new ArrayList<>();
        try (Chromium chromium = Chromium.launch()) {
            Page pageA = signedIn(chromium.pageForAudit(1280), a);
            Page pageB = signedIn(chromium.pageForAudit(375), b);
            Locator cardA = pageA.locator("#evidence-" + item);
            Locator cardB = pageB.locator("#evidence-" + item);

            pageA.navigate(claimUrl);
            rate(cardA, "HIGH");
            assertThat(pageA.locator(".flash")).containsText("Rated high");
            assertThat(cardA.locator("section.discussion")).hasCount(0);

            pageB.navigate(claimUrl);
            rate(cardB, "LOW");
            assertThat(cardB.locator("section.discussion .badge")).hasText("Needs discussion");
            cardB.locator("textarea[name=body]").fill("The diary was self-reported and unblinded; I rated it low for that.");
            cardB.locator("form.post-form button").click();
            assertThat(pageB.locator(".flash")).containsText("Posted");
            assertThat(cardB.locator(".post-body")).hasText("The diary was self-reported and unblinded; I rated it low for that.");

            pageA.navigate(base + "review/discussion");
            assertThat(pageA.locator("nav.page-tabs a[aria-current=page]")).containsText("Needs discussion");
            Locator thread = pageA.locator("#discussion-" + item);
            assertThat(thread.locator(".post-body")).hasCount(1);
            thread.locator("textarea[name=body]").fill("Fair point; it is a diary, not a trial. Moderate then.");
            thread.locator("form.post-form button").click();
            assertThat(pageA.locator("#discussion-" + item + " .post-body")).hasCount(2);
            audit(pageA, "tab-1280", problems);
            Chromium.screenshot(pageA, "discussion-tab-1280");
            pageB.navigate(base + "review/discussion");
            audit(pageB, "tab-375", problems);
            Chromium.screenshot(pageB, "discussion-tab-375");
            pageB.navigate(claimUrl + "#evidence-" + item);
            audit(pageB, "card-375", problems);
            cardB.screenshot(new Locator.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("discussion-card-375.png")));

            // A changes their rating after discussing: one level apart, the mark clears
            pageA.navigate(claimUrl);
            rate(cardA, "MODERATE");
            assertThat(pageA.locator(".flash")).containsText("Rating replaced: moderate");
            assertThat(cardA.locator("section.discussion h3")).hasText("Discussion");
            assertThat(cardA.locator("section.discussion .badge")).hasCount(0);
            pageA.navigate(base + "review/discussion");
            assertThat(pageA.locator("p.empty")).containsText("Nothing needs discussion");

            // an editor records how it ended; readers read it on the card
            Page editorPage = signedIn(chromium.pageForAudit(1280), editor);
            editorPage.navigate(claimUrl);
            Locator editorCard = editorPage.locator("#evidence-" + item);
            editorCard.locator("textarea[id^=resolution-]").fill("A diary study without blinding: the reviewers settled on moderate.");
            editorCard.locator("form.resolution-form button").click();
            assertThat(editorPage.locator(".flash")).containsText("Resolution recorded");
            audit(editorPage, "card-editor-1280", problems);
            editorCard.screenshot(new Locator.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("discussion-card-1280.png")));
            Page reader = chromium.pageForAudit(375);
            reader.navigate(claimUrl);
            assertThat(reader.locator("#evidence-" + item + " p.resolution")).hasText(
                    "Reviewers discussed this: A diary study without blinding: the reviewers settled on moderate.");
            audit(reader, "card-reader-375", problems);
            reader.locator("#evidence-" + item).screenshot(
                    new Locator.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("discussion-card-reader-375.png")));
        }
        assertEquals(List.of(), problems);
    }

    private Page signedIn(Page page, User user) {
        page.navigate(base + "login");
        page.locator("#username").fill(user.username);
        page.locator("#password").fill(TestAccounts.PASSWORD);
        page.locator("#password").press("Enter");
        assertThat(page.locator("nav.primary")).isVisible();
        return page;
    }

    private static void rate(Locator card, String strength) {
        card.locator("form.vote-form input[name=strength][value=" + strength + "]").check();
        card.locator("form.vote-form button[type=submit]").click();
    }

    @SuppressWarnings("unchecked")
    private static void audit(Page page, String name, List<String> problems) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(AxeCore.script()));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') }))""");
        violations.forEach(v -> problems.add(name + ": " + v.get("id") + " " + v.get("nodes")));
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        if (Boolean.TRUE.equals(overflow)) {
            problems.add(name + ": horizontal overflow");
        }
    }
}
