package app.crux.web;

import app.crux.TestAccounts;
import app.crux.account.Role;
import app.crux.account.User;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Signing in through the real form, in a real browser, and seeing one's own navigation. */
@QuarkusTest
class LoginBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anEditorSignsInThroughTheFormAndSeesEditorNavigation() {
        User editor = TestAccounts.create("browser-editor", Role.EDITOR);
        try (Chromium chromium = Chromium.launch()) {
            Page page = chromium.page(1280);
            page.navigate(base + "account");
            assertThat(page).hasURL(base + "login");
            page.getByLabel("Username").fill(editor.username);
            page.getByLabel("Password").fill(TestAccounts.PASSWORD);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Sign in")).click();

            // the form login brings the editor back to the page they asked for
            assertThat(page).hasURL(base + "account");
            assertThat(page.locator("nav.primary a[data-role=editor]")).hasText("Import");
            assertThat(page.locator("nav.primary a[data-role=reviewer]")).hasCount(0);
            assertThat(page.locator("nav.primary a[data-role=admin]")).hasCount(0);
            assertThat(page.locator("header .who")).hasText("browser-editor person");
            Chromium.screenshot(page, "account-editor");

            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Sign out").setExact(true)).click();
            assertThat(page.locator(".flash")).hasText("You are signed out.");
            assertThat(page.locator("header .account a")).hasText("Sign in");
        }
    }

    @Test
    void anAdminSeesThePeoplePageAndAWrongPasswordIsExplained() {
        try (Chromium chromium = Chromium.launch()) {
            Page page = chromium.page(1280);
            page.navigate(base + "login");
            page.getByLabel("Username").fill(TestAccounts.ADMIN);
            page.getByLabel("Password").fill("not-the-password-at-all");
            page.locator("form.stack button[type=submit]").click();
            assertThat(page.locator(".form-error")).containsText("not right");
            Chromium.screenshot(page, "login-failed");

            page.getByLabel("Username").fill(TestAccounts.ADMIN);
            page.getByLabel("Password").fill(TestAccounts.ADMIN_PASSWORD);
            page.locator("form.stack button[type=submit]").click();
            assertThat(page.locator("nav.primary a[data-role=admin]")).hasText("Users");
            page.navigate(base + "admin/users");
            assertThat(page.locator("h1")).hasText("People and roles");
            Chromium.screenshot(page, "admin-users");
            Page narrow = chromium.page(375);
            narrow.navigate(base.toString());
            Chromium.screenshot(narrow, "home-375");
        }
    }
}
