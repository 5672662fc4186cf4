package app.crux.web;

import app.crux.Routes;
import app.crux.Routes.Input;
import app.crux.Routes.Route;
import app.crux.Routes.Source;
import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import app.crux.account.User;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile values (huge, empty, binary, invalid UTF-8, control characters, overflowing numbers,
 * broken percent-escapes, script and SQL text, path tricks, JSON of the wrong shape) in every
 * path parameter, query parameter, form field, JSON field and cookie of every route, as
 * anonymous, editor, reviewer and admin. Routes and their inputs are read from the resources
 * ({@link Routes}), so a new route or field is covered without touching this test.
 *
 * <p>Never a 5xx; a 4xx with a body says what is wrong; and requests that must be refused
 * (reads, sign-ins with made-up credentials, visitors without the role, writes aimed at records
 * that do not exist, forms with a forged CSRF cookie) leave every table as it was.
 *
 * <p>Each input gets an overflowing number and {@value #PER_INPUT} more values (fewer where a password is checked), dealt round-robin from the catalogue shuffled with
 * a fixed seed (system property {@code crux.fuzz.seed}), so every value is used and a failure
 * reproduces: the failure lists name route, input, value and visitor.
 */
@QuarkusTest
class HostileInputTest {

    private static final long SEED = Long.getLong("crux.fuzz.seed", 20261126L);
    private static final int PER_INPUT = 4;
    private static final Hostile OVERFLOW = Hostile.json("overflowing number", "99999999999999999999");
    private static final Hostile LIST_OF_NULL = Hostile.json("list of null", "[null]");
    /** Routes that check a password (bcrypt, about a second here by design) get fewer values per input. */
    private static final int PER_PASSWORD_INPUT = 3;
    /** Cookies are read by the same filters on every route: one value per cookie and route, dealt round-robin. */
    private static final int PER_COOKIE = 1;
    private static final long SLOW_MILLIS = 20_000;
    private static final String MISSING_ID = "987654321";
    private static final String MISSING_SLUG = "no-such-record-for-hostile-input";
    private static final List<String> COOKIES = List.of("crux-flash", SESSION_COOKIE, "crux-csrf", "crux-return-to");
    private static final String CSRF_COOKIE = "crux-csrf";
    private static final String CSRF_FIELD = "csrf-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Form sign-in is Quarkus' own endpoint, not a resource method: listed here so it is fuzzed too. */
    private static final Route FORM_LOGIN = new Route("POST", "/j_security_check", null,
            List.of(new Input("username", Source.FORM, String.class), new Input("password", Source.FORM, String.class)), List.of());

    enum Who { ANONYMOUS, EDITOR, REVIEWER, ADMIN }

    /** A signed-in (or anonymous) visitor: session cookie and CSRF pair for pages, bearer token for the API. */
    record Visitor(Who who, String username, String session, String csrf, String bearer) {
    }

    /** One request: a hostile value in one input (or one cookie), everything else ordinary. */
    record Case(Route route, Who who, Input input, String jsonPath, String cookie, Hostile value) {

        String where() {
            if (cookie != null) {
                return "cookie " + cookie;
            }
            return input.source() + " " + (jsonPath != null ? jsonPath : input.name());
        }

        @Override
        public String toString() {
            return route + " [" + where() + " = " + value.label() + "] as " + who;
        }
    }

    /** Records the tests sets up, so ids and slugs in paths can point at something real. */
    record Fixture(long documentId, String documentSlug, long claimId, String claimSlug, long evidenceId, long targetUserId,
            String reviewer) {
    }

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    private long loginFailureMark;

    @AfterEach
    void forgetOurFailedSignIns() {
        // the made-up sign-ins below must not throttle the loopback address for the tests that run after this one
        sql("DELETE FROM login_failure WHERE id > " + loginFailureMark);
    }

    @Test
    void hostileValuesInEveryInputOfEveryRouteNeverAnswer5xxNorChangeDataWhenRefused() {
        loginFailureMark = Long.parseLong(sql("SELECT coalesce(max(id), 0) FROM login_failure"));
        long started = System.nanoTime();
        long cpuStarted = cpuNanos();

        // ---- set-up, asserted: people, records, credentials, routes
        Map<Who, Visitor> visitors = visitors();
        Fixture fixture = fixture(visitors);
        List<Route> routes = new ArrayList<>(Routes.all());
        routes.add(FORM_LOGIN);
        List<String> names = routes.stream().map(Route::toString).toList();
        assertTrue(names.size() > 30, names.toString());
        for (String known : List.of("POST /evidence/{id}/vote", "GET /api/compare", "POST /api/auth/token", "GET /claims/{slug}",
                "POST /admin/users/{id}/roles", "PUT /api/evidence/{id}/vote", "POST /j_security_check")) {
            assertTrue(names.contains(known), known + " missing from " + names);
        }
        RawHttp http = new RawHttp(base.getHost(), base.getPort());
        Map<String, String> beforeControls = TableChecksums.of(dataSource);
        positiveControls(http, visitors, fixture);
        assertFalse(beforeControls.get("vote").equals(TableChecksums.of(dataSource).get("vote")),
                "the checksum sees the control's vote");

        // ---- the cases, split by whether the data may legitimately change
        List<Case> cases = cases(routes, SEED);
        List<Case> mustBeRefused = cases.stream().filter(HostileInputTest::refusedByDesign).toList();
        List<Case> mayChange = cases.stream().filter(c -> !refusedByDesign(c)).toList();
        assertFalse(mustBeRefused.isEmpty());
        assertFalse(mayChange.isEmpty());
        assertTrue(cases.stream().anyMatch(c -> c.input() != null && c.input().source() == Source.BODY));
        assertTrue(cases.stream().anyMatch(c -> c.input() != null && c.input().source() == Source.PATH));
        assertTrue(cases.stream().anyMatch(c -> c.cookie() != null));

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, String> before = TableChecksums.of(dataSource);
        for (Case c : mustBeRefused) {
            check(http, visitors, fixture, c, failures, statuses);
        }
        Map<String, String> after = TableChecksums.of(dataSource);
        for (String table : before.keySet()) {
            if (!before.get(table).equals(after.get(table))) {
                failures.add("table " + table + " changed during the requests that must all be refused: "
                        + before.get(table) + " → " + after.get(table));
            }
        }
        for (Case c : mayChange) {
            check(http, visitors, fixture, c, failures, statuses);
        }
        System.out.printf("Hostile input: %d requests (%d must be refused) over %d routes, seed %d, %.1f s (%.1f s CPU in this JVM), "
                + "statuses %s%n", cases.size(), mustBeRefused.size(), routes.size(), SEED, (System.nanoTime() - started) / 1e9,
                (cpuNanos() - cpuStarted) / 1e9, statuses);
        assertEquals(List.of(), failures, failures.size() + " failures with seed " + SEED);
    }

    /** The failures the walk above found, one plain request each, so each fix has its own named guard. */
    @Test
    void theHostileInputsThatOnceFailedNowGetAClearAnswer() {
        loginFailureMark = Long.parseLong(sql("SELECT coalesce(max(id), 0) FROM login_failure"));
        Map<Who, Visitor> visitors = visitors();
        Fixture fixture = fixture(visitors);
        RawHttp http = new RawHttp(base.getHost(), base.getPort());
        positiveControls(http, visitors, fixture);

        // a reviewer's page seen by anyone but another reviewer: the query's null parameter had no type (500)
        given().get("/reviewers/" + fixture.reviewer()).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("hostile input fixture"));

        // a broken %-escape in a form body: RESTEasy's form decoder threw IllegalArgumentException (500)
        Visitor editor = visitors.get(Who.EDITOR);
        String tokensBefore = sql("SELECT count(*) FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE u.username = '"
                + editor.username() + "'");
        RawHttp.Reply broken = http.send("POST", "/account/tokens".getBytes(StandardCharsets.US_ASCII),
                Map.of("Cookie", ascii(SESSION_COOKIE + "=" + editor.session() + "; " + CSRF_COOKIE + "=" + editor.csrf()),
                        "Content-Type", ascii("application/x-www-form-urlencoded"), "Accept", ascii("text/html")),
                ascii("name=%zz&" + CSRF_FIELD + "=" + editor.csrf()));
        assertEquals(400, broken.status(), broken.text());
        assertTrue(broken.text().contains("broken %-escape"), broken.text());
        assertEquals(tokensBefore, sql("SELECT count(*) FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE u.username = '"
                + editor.username() + "'"));

        // 200,000 copies of one tag: one database look-up per copy held the request for over a minute
        long started = System.nanoTime();
        given().header("Authorization", "Bearer " + editor.bearer()).contentType("application/json")
                .body(Map.of("statement", "One tag many times " + System.nanoTime(), "tags", List.of("same,".repeat(200_000))))
                .post("/api/claims").then().statusCode(201).body("tags", org.hamcrest.Matchers.contains("same"));
        assertTrue(System.nanoTime() - started < 15_000_000_000L, "one tag 200,000 times is answered quickly");
        given().header("Authorization", "Bearer " + editor.bearer()).contentType("application/json")
                .body(Map.of("statement", "Too many tags " + System.nanoTime(),
                        "tags", List.of("t1,t2,t3,t4,t5,t6,t7,t8,t9,t10,t11,t12,t13")))
                .post("/api/claims").then().statusCode(400).body("error", org.hamcrest.Matchers.containsString("At most 12 tags"));
        // a null among the tags: the loop split a null (500)
        given().header("Authorization", "Bearer " + editor.bearer()).contentType("application/json")
                .body("{\"statement\": \"Null tag " + System.nanoTime() + "\", \"tags\": [null, \"kept\"]}")
                .post("/api/claims").then().statusCode(201).body("tags", org.hamcrest.Matchers.contains("kept"));
    }

    // ------------------------------------------------------------------ cases

    static List<Case> cases(List<Route> routes, long seed) {
        List<Hostile> catalogue = new ArrayList<>(Hostile.catalogue());
        Collections.shuffle(catalogue, new Random(seed));
        List<Case> cases = new ArrayList<>();
        int dealt = 0;
        for (Route route : routes) {
            List<Who> allowed = Arrays.stream(Who.values()).filter(w -> allowed(route, w) && !endsSession(route, w)).toList();
            List<Who> refused = Arrays.stream(Who.values()).filter(w -> !allowed(route, w) && !endsSession(route, w)).toList();
            int turn = 0;
            int perInput = login(route) || route.template().endsWith("/password") ? PER_PASSWORD_INPUT : PER_INPUT;
            for (Target target : targets(route)) {
                // a number that fits no integer type goes into every input: number parsing is where 500s hide
                cases.add(new Case(route, who(allowed, refused, turn++), target.input(), target.jsonPath(), null, OVERFLOW));
                if (target.jsonPath() != null) {
                    // and a list holding null into every JSON field: a list field's loop meets a null element
                    cases.add(new Case(route, who(allowed, refused, turn++), target.input(), target.jsonPath(), null, LIST_OF_NULL));
                }
                for (int i = 0; i < perInput; i++) {
                    Hostile value = catalogue.get(dealt++ % catalogue.size());
                    if (value.huge() && target.input().source() != Source.FORM && target.input().source() != Source.BODY) {
                        value = catalogue.get(dealt++ % catalogue.size());
                    }
                    cases.add(new Case(route, who(allowed, refused, turn++), target.input(), target.jsonPath(), null, value));
                }
            }
            for (String cookie : COOKIES) {
                for (int i = 0; i < PER_COOKIE; i++) {
                    Hostile value = catalogue.get(dealt++ % catalogue.size());
                    if (value.huge()) {
                        value = catalogue.get(dealt++ % catalogue.size());
                    }
                    cases.add(new Case(route, who(allowed, refused, turn++), null, null, cookie, value));
                }
            }
        }
        return cases;
    }

    /** Mostly visitors who get past the door (so the value reaches the handler), every fourth one who does not. */
    private static Who who(List<Who> allowed, List<Who> refused, int turn) {
        if (allowed.isEmpty() || (!refused.isEmpty() && turn % 4 == 3)) {
            return refused.get((turn / 4) % refused.size());
        }
        return allowed.get(turn % allowed.size());
    }

    /** Signing out bumps the account's session generation: only anonymous visitors try it here. */
    private static boolean endsSession(Route route, Who who) {
        return route.template().equals("/logout") && who != Who.ANONYMOUS;
    }

    record Target(Input input, String jsonPath) {
    }

    /** Every input a value can be put in: path, query, form, header, each JSON field (nested records too) and the whole body. */
    static List<Target> targets(Route route) {
        List<Target> targets = new ArrayList<>();
        for (Input input : route.inputs()) {
            if (input.source() == Source.BODY) {
                targets.add(new Target(input, null));
                for (String path : jsonPaths(input.type(), "")) {
                    targets.add(new Target(input, path));
                }
            } else if (input.source() != Source.COOKIE) {
                targets.add(new Target(input, null));
            }
        }
        return targets;
    }

    private static List<String> jsonPaths(Class<?> type, String prefix) {
        List<String> paths = new ArrayList<>();
        for (Input field : Routes.jsonFields(type)) {
            paths.add(prefix + field.name());
            paths.addAll(jsonPaths(field.type(), prefix + field.name() + "."));
        }
        return paths;
    }

    /**
     * Requests that must change nothing whatever the value: reads; sign-ins (no value here is a
     * real password); visitors without the role, or without a session; page forms whose CSRF
     * cookie is garbage; writes whose path points at a record that cannot exist.
     */
    static boolean refusedByDesign(Case c) {
        Route route = c.route();
        if (!route.write() || login(route)) {
            return true;
        }
        Who who = effectiveWho(c);
        if (!allowed(route, who)) {
            return true;
        }
        if (!route.api() && CSRF_COOKIE.equals(c.cookie())) {
            return true;
        }
        return c.input() != null && c.input().source() == Source.PATH;
    }

    /** A page request whose session cookie was replaced by garbage is an anonymous one. */
    private static Who effectiveWho(Case c) {
        return !c.route().api() && SESSION_COOKIE.equals(c.cookie()) ? Who.ANONYMOUS : c.who();
    }

    private static boolean login(Route route) {
        return route == FORM_LOGIN || route.template().equals("/api/auth/token");
    }

    static boolean allowed(Route route, Who who) {
        if (route.handler() == null) {
            return true;
        }
        Method handler = route.handler();
        Boolean onMethod = allowedBy(handler, who);
        return onMethod != null ? onMethod : Boolean.TRUE.equals(allowedBy(handler.getDeclaringClass(), who));
    }

    private static Boolean allowedBy(AnnotatedElement element, Who who) {
        if (element.isAnnotationPresent(PermitAll.class)) {
            return true;
        }
        if (element.isAnnotationPresent(Authenticated.class)) {
            return who != Who.ANONYMOUS;
        }
        RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
        if (roles != null) {
            return who != Who.ANONYMOUS && Arrays.asList(roles.value()).contains(who.name());
        }
        return null;
    }

    // ------------------------------------------------------------------ one request

    private void check(RawHttp http, Map<Who, Visitor> visitors, Fixture fixture, Case c, List<String> failures,
            Map<Integer, Integer> statuses) {
        long started = System.nanoTime();
        RawHttp.Reply reply = send(http, visitors.get(c.who()), fixture, c);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (millis > SLOW_MILLIS) {
            // one request holding a worker this long is a denial of service (200,000 tags took a minute)
            failures.add(c + " took " + millis + " ms → " + reply.status());
        }
        if (login(c.route())) {
            forgetOurFailedSignIns();
        }
        statuses.merge(reply.status(), 1, Integer::sum);
        if (reply.status() >= 500 || reply.status() < 0) {
            failures.add(c + " → " + reply.status() + ": " + snippet(reply.text()));
        } else if (reply.status() >= 400 && reply.body().length > 0 && !hasMessage(reply)) {
            failures.add(c + " → " + reply.status() + " without a message: " + snippet(reply.text()));
        }
    }

    private RawHttp.Reply send(RawHttp http, Visitor visitor, Fixture fixture, Case c) {
        Route route = c.route();
        boolean signedIn = visitor.who() != Who.ANONYMOUS;
        // path: the hostile value in its segment, real records elsewhere (so the value reaches the handler)
        String marker = "\u0001HOSTILE\u0001";
        String path = route.path(name -> c.input() != null && c.input().source() == Source.PATH && c.input().name().equals(name)
                ? marker : encode(realPathValue(route, name, fixture)));
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        String[] around = path.split(marker, -1);
        target.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
        if (around.length > 1) {
            target.writeBytes(c.value().pathSegment());
            target.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
        }
        if (c.input() != null && c.input().source() == Source.QUERY) {
            target.writeBytes(("?" + c.input().name() + "=").getBytes(StandardCharsets.US_ASCII));
            target.writeBytes(c.value().url());
        }

        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("Accept", ascii(route.api() ? "application/json" : "text/html"));
        Map<String, byte[]> cookies = new LinkedHashMap<>();
        if (!route.api() && signedIn) {
            cookies.put(SESSION_COOKIE, ascii(visitor.session()));
        }
        if (!route.api()) {
            cookies.put(CSRF_COOKIE, ascii(visitor.csrf()));
        }
        if (route.api() && signedIn && !login(route)) {
            headers.put("Authorization", ascii("Bearer " + visitor.bearer()));
        }
        if (c.cookie() != null) {
            cookies.put(c.cookie(), c.value().cookie());
        }
        if (c.input() != null && c.input().source() == Source.HEADER) {
            headers.put(c.input().name(), c.value().cookie());
        }
        if (!cookies.isEmpty()) {
            ByteArrayOutputStream cookieHeader = new ByteArrayOutputStream();
            cookies.forEach((name, value) -> {
                if (cookieHeader.size() > 0) {
                    cookieHeader.writeBytes(ascii("; "));
                }
                cookieHeader.writeBytes(ascii(name + "="));
                cookieHeader.writeBytes(value);
            });
            headers.put("Cookie", cookieHeader.toByteArray());
        }

        byte[] body = null;
        if (!route.inputs(Source.BODY).isEmpty()) {
            headers.put("Content-Type", ascii("application/json"));
            Input bodyInput = route.inputs(Source.BODY).get(0);
            body = c.input() == bodyInput && c.jsonPath() == null ? c.value().json()
                    : json(route, bodyInput.type(), "", c.input() == bodyInput ? c.jsonPath() : null, c.value(), fixture);
        } else if (route.write()) {
            boolean multipart = route.consumes().stream().anyMatch(t -> t.startsWith("multipart/"));
            Map<String, byte[]> fields = new LinkedHashMap<>();
            for (Input field : route.inputs(Source.FORM)) {
                fields.put(field.name(), field == c.input() ? (multipart ? c.value().part() : c.value().url())
                        : (multipart ? utf8(neutral(route, field.name())) : ascii(encode(neutral(route, field.name())))));
            }
            if (!route.api()) {
                fields.put(CSRF_FIELD, ascii(visitor.csrf()));
            }
            if (multipart) {
                String boundary = "hostile-input-boundary-7d1f";
                headers.put("Content-Type", ascii("multipart/form-data; boundary=" + boundary));
                body = multipart(route, boundary, fields);
            } else {
                headers.put("Content-Type", ascii("application/x-www-form-urlencoded"));
                ByteArrayOutputStream form = new ByteArrayOutputStream();
                fields.forEach((name, value) -> {
                    if (form.size() > 0) {
                        form.write('&');
                    }
                    form.writeBytes(ascii(name + "="));
                    form.writeBytes(value);
                });
                body = form.toByteArray();
            }
        }
        return http.send(route.method(), target.toByteArray(), headers, body);
    }

    private static byte[] multipart(Route route, String boundary, Map<String, byte[]> fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> {
            boolean file = route.inputs(Source.FORM).stream().anyMatch(i -> i.name().equals(name) && i.type() == FileUpload.class);
            body.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (file ? "; filename=\"hostile.txt\"\r\nContent-Type: text/plain" : "") + "\r\n\r\n"));
            body.writeBytes(value);
            body.writeBytes(ascii("\r\n"));
        });
        body.writeBytes(ascii("--" + boundary + "--\r\n"));
        return body.toByteArray();
    }

    /** A JSON object of the body's record type: ordinary values, except the hostile one at {@code hostilePath}. */
    private static byte[] json(Route route, Class<?> type, String prefix, String hostilePath, Hostile value, Fixture fixture) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('{');
        for (Input field : Routes.jsonFields(type)) {
            String path = prefix + field.name();
            if (out.size() > 1) {
                out.write(',');
            }
            out.writeBytes(utf8(Hostile.jsonString(field.name()) + ":"));
            if (path.equals(hostilePath)) {
                out.writeBytes(value.json());
            } else if (field.type().isRecord()) {
                out.writeBytes(json(route, field.type(), path + ".", hostilePath, value, fixture));
            } else {
                out.writeBytes(utf8(neutralJson(route, field, fixture)));
            }
        }
        out.write('}');
        return out.toByteArray();
    }

    private static String neutralJson(Route route, Input field, Fixture fixture) {
        Class<?> type = field.type();
        String name = field.name();
        if (type == Boolean.class || type == boolean.class) {
            return "false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return switch (name) {
                case "documentId" -> String.valueOf(fixture.documentId());
                case "into" -> MISSING_ID;
                case "start", "end" -> "null";
                default -> "0";
            };
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return name.equals("roles") ? "[\"REVIEWER\"]" : "[\"fuzz\"]";
        }
        if (type == java.time.LocalDate.class) {
            return "\"2020-01-01\"";
        }
        return Hostile.jsonString(neutral(route, name));
    }

    /** An ordinary value for a field that is not the one under attack (made-up credentials for sign-ins). */
    static String neutral(Route route, String name) {
        boolean passwordForm = route.template().endsWith("/password");
        return switch (name) {
            case "strength" -> "HIGH";
            case "stance" -> "SUPPORTS";
            case "status" -> "DRAFT";
            case "kind" -> "ARTICLE";
            case "roles" -> "REVIEWER";
            case "version" -> "0";
            case "back" -> "/review";
            case "current" -> "not-the-current-passphrase";
            case "password" -> login(route) ? "not-the-password-of-anyone" : "another-plenty-long-passphrase";
            case "confirm" -> passwordForm ? "another-plenty-long-passphrase" : "";
            case "username" -> login(route) ? "hostile-nobody" : "hostile-new-user";
            case "into", "claim" -> MISSING_SLUG;
            case "publishedOn" -> "2020-01-01";
            case "url", "fetchUrl", "citationOnly", "start", "end", "file" -> "";
            case "text" -> "Text sent by the hostile input test.";
            default -> "fuzz";
        };
    }

    /** Real records where the route names one, so the hostile value in another input reaches the handler. */
    static String realPathValue(Route route, String name, Fixture fixture) {
        String t = route.template();
        if (t.startsWith("/documents/{slug}")) {
            return fixture.documentSlug();
        }
        if (t.startsWith("/claims/{slug}")) {
            return fixture.claimSlug();
        }
        if (t.startsWith("/api/documents/{id}")) {
            return String.valueOf(fixture.documentId());
        }
        if (t.startsWith("/api/claims/{id}")) {
            return String.valueOf(fixture.claimId());
        }
        if (t.startsWith("/api/evidence/{id}") || t.startsWith("/evidence/{id}")) {
            return String.valueOf(fixture.evidenceId());
        }
        if (t.startsWith("/admin/users/{id}")) {
            return String.valueOf(fixture.targetUserId());
        }
        if (t.startsWith("/reviewers/{username}")) {
            return fixture.reviewer();
        }
        if (t.startsWith("/tags/{tag}")) {
            return "test";
        }
        return name.equals("id") ? MISSING_ID : MISSING_SLUG;
    }

    // ------------------------------------------------------------------ set-up

    private Map<Who, Visitor> visitors() {
        Map<Who, Visitor> visitors = new EnumMap<>(Who.class);
        String anonymousCsrf = given().get("/login").then().statusCode(200).extract().cookie(CSRF_COOKIE);
        assertNotNull(anonymousCsrf, "GET /login gives a CSRF cookie");
        visitors.put(Who.ANONYMOUS, new Visitor(Who.ANONYMOUS, null, null, anonymousCsrf, null));
        for (Who who : List.of(Who.EDITOR, Who.REVIEWER, Who.ADMIN)) {
            User user = TestAccounts.create("hostile-" + who.name().toLowerCase(), Role.valueOf(who.name()));
            assertEquals("1", sql("SELECT count(*) FROM app_user WHERE username = '" + user.username + "' AND enabled"));
            String session = TestAccounts.login(user);
            // a real token from a real form: the account page's
            String csrf = given().cookie(SESSION_COOKIE, session).get("/account").then().statusCode(200)
                    .extract().cookie(CSRF_COOKIE);
            String field = Jsoup.parse(given().cookie(SESSION_COOKIE, session).cookie(CSRF_COOKIE, csrf).get("/account").asString())
                    .select("input[name=" + CSRF_FIELD + "]").attr("value");
            assertFalse(field.isEmpty(), "the account page's form carries a CSRF token");
            visitors.put(who, new Visitor(who, user.username, session, field, TestAccounts.token(user)));
        }
        return visitors;
    }

    @SuppressWarnings("unchecked")
    private Fixture fixture(Map<Who, Visitor> visitors) {
        String exact = "Hostile input passage about stretching before running.";
        Map<String, Object> document = TestApi.importText("Hostile input fixture " + System.nanoTime(),
                TestApi.unique("Introduction.\n\n" + exact + "\n\nMore text."));
        Map<String, Object> claim = TestApi.createClaim("Stretching before running prevents injury (hostile input fixture "
                + System.nanoTime() + ")", document.get("id"), exact).then().statusCode(201).extract().as(Map.class);
        Map<String, Object> evidence = (Map<String, Object>) claim.get("evidence");
        assertNotNull(evidence, claim.toString());
        User target = TestAccounts.create("hostile-target", Role.REVIEWER);
        return new Fixture(TestApi.id(document), (String) document.get("slug"), TestApi.id(claim), (String) claim.get("slug"),
                TestApi.id(evidence), target.id, visitors.get(Who.REVIEWER).username());
    }

    /** The credentials and records really work: the same requests with ordinary values succeed. */
    private void positiveControls(RawHttp http, Map<Who, Visitor> visitors, Fixture fixture) {
        Route pageVote = Routes.all().stream().filter(r -> r.toString().equals("POST /evidence/{id}/vote")).findFirst().orElseThrow();
        RawHttp.Reply voted = send(http, visitors.get(Who.REVIEWER), fixture,
                new Case(pageVote, Who.REVIEWER, pageVote.inputs(Source.FORM).get(0), null, null, Hostile.text("control", "HIGH")));
        assertEquals(303, voted.status(), voted.text());
        assertTrue(voted.headers("set-cookie").stream().anyMatch(c -> c.startsWith("crux-flash=NOTICE")), voted.headers().toString());
        assertEquals("1", sql("SELECT count(*) FROM vote v JOIN app_user u ON u.id = v.reviewer_id WHERE v.evidence_id = "
                + fixture.evidenceId() + " AND u.username = '" + visitors.get(Who.REVIEWER).username() + "'"));

        Route apiVote = Routes.all().stream().filter(r -> r.toString().equals("PUT /api/evidence/{id}/vote")).findFirst().orElseThrow();
        RawHttp.Reply apiVoted = send(http, visitors.get(Who.REVIEWER), fixture,
                new Case(apiVote, Who.REVIEWER, apiVote.inputs(Source.BODY).get(0), "strength", null, Hostile.text("control", "LOW")));
        assertEquals(200, apiVoted.status(), apiVoted.text());
        assertTrue(apiVoted.text().contains("\"LOW\""), apiVoted.text());

        Route claimPage = Routes.all().stream().filter(r -> r.toString().equals("GET /claims/{slug}")).findFirst().orElseThrow();
        RawHttp.Reply page = send(http, visitors.get(Who.EDITOR), fixture,
                new Case(claimPage, Who.EDITOR, claimPage.inputs(Source.QUERY).get(0), null, null, Hostile.text("control", "")));
        assertEquals(200, page.status(), page.text());
        assertTrue(page.text().contains("hostile input fixture"), "the claim page shows the fixture claim");
        assertTrue(page.text().contains(visitors.get(Who.EDITOR).username()) || page.text().contains("hostile-editor"),
                "the editor is signed in on the page");
    }

    // ------------------------------------------------------------------ helpers

    /** CPU time of this JVM (the application and the test), a measure that the machine's load does not stretch. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static boolean hasMessage(RawHttp.Reply reply) {
        String type = reply.header("content-type");
        String text = reply.text();
        if (type != null && type.contains("json")) {
            try {
                JsonNode error = JSON.readTree(text).get("error");
                return error != null && error.isTextual() && !error.asText().isBlank();
            } catch (java.io.IOException e) {
                return false;
            }
        }
        if (type != null && type.contains("html")) {
            return !Jsoup.parse(text).select("main").text().isBlank();
        }
        return !text.isBlank();
    }

    private String sql(String statement) {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            if (!s.execute(statement)) {
                return String.valueOf(s.getUpdateCount());
            }
            try (ResultSet rs = s.getResultSet()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    private static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
