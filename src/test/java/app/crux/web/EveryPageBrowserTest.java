package app.crux.web;

import app.crux.Routes;
import app.crux.TestAccounts;
import app.crux.account.User;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import io.quarkus.security.Authenticated;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page (each GET route outside /api, read from the resources, so a new page is opened
 * without being listed here), with real data behind it, as five kinds of visitor at phone
 * (320 and 375 px) and desktop width (1280 px): the status the route's security annotations promise, no horizontal
 * overflow, no console errors, no serious or critical axe-core violations, and a screenshot
 * under target/screenshots/{visitor}/.
 */
@QuarkusTest
class EveryPageBrowserTest {

    private static final int[] WIDTHS = {320, 375, 1280};
    private static final String LOGIN = "/login";

    @TestHTTPResource("/")
    URL base;

    /** A page to open and the status each visitor should get; a null role set means "anyone". */
    record Visit(String name, String path, Set<String> roles, boolean signedIn, Map<String, Integer> fixed) {
    }

    record Visitor(String name, User user, Set<String> roles) {
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPageWorksForEveryVisitorAtPhoneAndDesktopWidth() {
        EveryPageFixture f = new EveryPageFixture();
        List<Visit> visits = visits(f);
        List<Visitor> visitors = List.of(
                new Visitor("anonymous", null, Set.of()),
                new Visitor("editor", f.editor, Set.of("EDITOR")),
                new Visitor("reviewer", f.reviewer, Set.of("REVIEWER")),
                new Visitor("admin", f.admin, Set.of("ADMIN")),
                new Visitor("all-roles", f.everything, Set.of("EDITOR", "REVIEWER", "ADMIN")));
        String axe = AxeCore.script();
        List<String> problems = new ArrayList<>();
        int opened = 0;
        try (Chromium chromium = Chromium.launch()) {
            for (Visitor visitor : visitors) {
                BrowserContext context = chromium.context(WIDTHS[0]);
                // axe-core comes in through the DevTools protocol, so the app's CSP stays on and its reports count
                context.addInitScript(axe);
                if (visitor.user() != null) {
                    context.addCookies(List.of(new Cookie(TestAccounts.SESSION_COOKIE, TestAccounts.login(visitor.user()))
                            .setUrl(base.toString())));
                }
                Page page = context.newPage();
                List<String> console = new ArrayList<>();
                page.onConsoleMessage(m -> {
                    if (m.type().equals("error")) {
                        console.add(m.text());
                    }
                });
                page.onPageError(e -> console.add("uncaught: " + e));
                for (int width : WIDTHS) {
                    page.setViewportSize(width, 900);
                    for (Visit visit : visits) {
                        console.clear();
                        Response response = page.navigate(base + visit.path().substring(1));
                        opened++;
                        String at = visitor.name() + " " + visit.path() + " @" + width + ": ";
                        int expected = expectedStatus(visit, visitor);
                        int status = response == null ? -1 : response.status();
                        String landed = page.url().substring(base.toString().length() - 1);
                        if (expected == 303) {
                            if (!landed.startsWith(LOGIN)) {
                                problems.add(at + "expected the login page, landed on " + landed + " (" + status + ")");
                            }
                        } else if (status != expected) {
                            problems.add(at + "status " + status + ", expected " + expected + " (landed on " + landed + ")");
                        }
                        long scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).longValue();
                        if (scrollWidth > width) {
                            problems.add(at + "scroll width " + scrollWidth + " > " + width + " (" + widest(page, width) + ")");
                        }
                        // an error status is itself reported on the console; that one is expected
                        console.stream().filter(m -> expected < 400 || !m.contains("status of " + expected))
                                .forEach(m -> problems.add(at + "console: " + m));
                        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                                    .map(v => ({ id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') }))""");
                        violations.forEach(v -> problems.add(at + "axe " + v.get("id") + ": " + v.get("nodes")));
                        Chromium.screenshot(page, visitor.name() + "/" + visit.name() + "-" + width);
                    }
                }
                context.close();
            }
        }
        assertTrue(opened >= visits.size() * visitors.size() * WIDTHS.length);
        assertEquals(List.of(), problems);
    }

    /** Every GET page route with its path parameters filled from the fixture, plus merged and retracted claims. */
    private static List<Visit> visits(EveryPageFixture f) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("/claims/{slug}", f.claimSlug);
        values.put("/claims/{slug}/history", f.claimSlug);
        values.put("/claims/{slug}/merge", f.claimSlug);
        values.put("/claims/{slug}/merge/preview", f.claimSlug);
        values.put("/documents/{slug}", (String) f.revised.get("slug"));
        values.put("/documents/{slug}/revise", (String) f.revised.get("slug"));
        values.put("/documents/{slug}/edit", (String) f.revised.get("slug"));
        values.put("/documents/{slug}/history", (String) f.revised.get("slug"));
        values.put("/documents/{slug}/diff", (String) f.revised.get("slug"));
        values.put("/evidence/{id}/history", String.valueOf(f.evidenceId));
        // routes with more than one path parameter: a value per name
        Map<String, Map<String, String>> named = Map.of("/documents/{slug}/revisions/{number}",
                Map.of("slug", (String) f.revised.get("slug"), "number", "1"));
        values.put("/reviewers/{username}", f.raterA.username);
        values.put("/tags/{tag}", f.tag);
        // the claim page with a passage search: editors see the finder's results, everyone else the plain page
        Map<String, String> queries = Map.of(
                "/claims/{slug}", "?find=" + f.word,
                "/claims/{slug}/merge", "?q=" + f.word,
                "/claims/{slug}/merge/preview", "?into=" + f.mergeTargetId,
                "/compare", "?a=" + f.supporting.get("slug") + "&b=" + f.conflicting.get("slug"),
                "/search", "?q=" + f.word,
                "/review", "",
                "/contested", "?tag=" + f.tag,
                "/disagreements", "?tag=" + f.tag);
        List<Visit> visits = new ArrayList<>();
        List<String> unfilled = new ArrayList<>();
        for (Routes.Route route : Routes.all()) {
            if (route.api() || !route.method().equals("GET") || notAPage(route)) {
                continue;
            }
            String path;
            if (route.inputs(Routes.Source.PATH).isEmpty()) {
                path = route.template() + queries.getOrDefault(route.template(), "");
            } else if (named.containsKey(route.template())) {
                path = route.path(name -> named.get(route.template()).get(name));
            } else if (values.containsKey(route.template())) {
                path = route.path(name -> values.get(route.template())) + queries.getOrDefault(route.template(), "");
            } else {
                unfilled.add(route.toString());
                continue;
            }
            visits.add(new Visit(name(route.template()), path, roles(route.handler()), signedIn(route.handler()), Map.of()));
        }
        assertEquals(List.of(), unfilled, "page routes whose path parameters this test cannot fill: add a value for each");
        // a merged claim forwards to its target; a retracted one is for editors only
        visits.add(new Visit("claims-merged", "/claims/" + f.mergedSlug, null, false, Map.of()));
        visits.add(new Visit("claims-retracted", "/claims/" + f.retractedSlug, null, false, Map.of("EDITOR", 200, "", 404)));
        return visits;
    }

    /** Feeds and downloads (Atom, CSV) are not pages: FeedsTest parses them; a browser would only save them. */
    private static boolean notAPage(Routes.Route route) {
        jakarta.ws.rs.Produces produces = route.handler().getAnnotation(jakarta.ws.rs.Produces.class);
        return produces != null && java.util.Arrays.stream(produces.value()).noneMatch(type -> type.contains("html"));
    }

    private static int expectedStatus(Visit visit, Visitor visitor) {
        if (!visit.fixed().isEmpty()) {
            return visitor.roles().stream().map(r -> visit.fixed().get(r)).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(visit.fixed().get(""));
        }
        if (visitor.user() == null && (visit.signedIn() || visit.roles() != null)) {
            return 303;
        }
        if (visit.roles() != null && visit.roles().stream().noneMatch(visitor.roles()::contains)) {
            return 403;
        }
        return 200;
    }

    /** The roles a route admits, from @RolesAllowed on the method or else its class; null when anyone may enter. */
    private static Set<String> roles(Method handler) {
        if (handler.isAnnotationPresent(PermitAll.class) || handler.isAnnotationPresent(Authenticated.class)) {
            return null;
        }
        RolesAllowed allowed = handler.getAnnotation(RolesAllowed.class);
        if (allowed == null && !handler.getDeclaringClass().isAnnotationPresent(PermitAll.class)
                && !handler.getDeclaringClass().isAnnotationPresent(Authenticated.class)) {
            allowed = handler.getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        return allowed == null ? null : Set.of(allowed.value());
    }

    private static boolean signedIn(Method handler) {
        return handler.isAnnotationPresent(Authenticated.class)
                || (!handler.isAnnotationPresent(PermitAll.class) && handler.getDeclaringClass().isAnnotationPresent(Authenticated.class));
    }

    private static String name(String template) {
        String name = template.replaceAll("[{}]", "").replaceAll("^/|/$", "").replace('/', '-');
        return name.isEmpty() ? "home" : name;
    }

    /** The elements that stick out on the right, to say what overflows. */
    private static String widest(Page page, int width) {
        return String.valueOf(page.evaluate("""
                w => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > w && ![...e.children].some(c => c.getBoundingClientRect().right > w))
                    .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right))
                    .join(', ')""", width));
    }
}
