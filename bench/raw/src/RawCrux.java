import app.crux.document.anchoring.Highlights;
import app.crux.review.Agreement;
import io.quarkus.qute.Engine;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Results;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.UserTagSectionHelper;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.ValueResolvers;
import io.quarkus.qute.Variant;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;

/**
 * The practical limit for Crux's hot pages (issue 13): plain JDBC on a fixed set of connections, the
 * page's SQL in as few statements as the page needs (no ORM, no entities), Crux's own Qute templates
 * (src/main/resources/templates) rendered by Qute's standalone engine, the JDK's HttpServer. It serves
 * what an anonymous reader gets: GET /claims/{slug}, /contested, /documents/{slug}, /search?q=, and
 * PUT /api/evidence/{id}/vote with a bearer token, written as Crux writes it (claim row lock, vote
 * upsert, ScoreKeeper's recomputation, one audit event, one transaction).
 * Settings (environment): RAW_PORT, RAW_JDBC_URL, RAW_USER, RAW_POOL (connections, 16), RAW_THREADS (16),
 * RAW_TEMPLATES (Crux's templates folder). Not part of Crux: bench/ only.
 */
public final class RawCrux {

    static Engine engine;
    static BlockingQueue<Connection> pool;
    static final Map<String, Template> templates = new HashMap<>();

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        int port = Integer.parseInt(env("RAW_PORT", "8116"));
        int size = Integer.parseInt(env("RAW_POOL", "16"));
        pool = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            pool.add(DriverManager.getConnection(env("RAW_JDBC_URL", "jdbc:postgresql://127.0.0.1:18632/crux"), env("RAW_USER", "postgres"),
                    env("RAW_PASSWORD", "bench")));
        }
        engine = engine(Path.of(env("RAW_TEMPLATES", "src/main/resources/templates")));
        for (String id : List.of("ClaimPages/show", "ContestedPages/contested", "DocumentViewPages/show", "SearchPages/search")) {
            templates.put(id, engine.getTemplate(id));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(Integer.parseInt(env("RAW_THREADS", "16"))));
        server.createContext("/", RawCrux::handle);
        server.start();
        System.out.printf("raw handler on %d, ready in %d ms%n", port, (System.nanoTime() - started) / 1_000_000);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    // ------------------------------------------------------------------ HTTP

    static void handle(HttpExchange exchange) throws IOException {
        int status = 200;
        String type = "text/html;charset=UTF-8";
        String body;
        Connection c = null;
        try {
            c = pool.take();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (path.startsWith("/claims/")) {
                body = claimPage(c, decode(path.substring(8)), "http://" + exchange.getRequestHeaders().getFirst("Host"));
            } else if (path.equals("/contested")) {
                body = contested(c);
            } else if (path.startsWith("/documents/")) {
                body = documentPage(c, decode(path.substring(11)));
            } else if (path.equals("/search")) {
                body = search(c, query.getOrDefault("q", ""));
            } else if (path.startsWith("/api/evidence/") && path.endsWith("/vote") && exchange.getRequestMethod().equals("PUT")) {
                type = "application/json";
                body = vote(c, Long.parseLong(path.substring(14, path.length() - 5)), exchange.getRequestHeaders().getFirst("Authorization"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            } else {
                status = 404;
                body = "not here";
            }
            if (body == null) {
                status = 404;
                body = "not found";
            }
        } catch (Refused e) {
            status = e.status;
            type = "application/json";
            body = "{\"error\":\"" + e.getMessage() + "\"}";
        } catch (Exception e) {
            e.printStackTrace();
            status = 500;
            body = String.valueOf(e);
            if (c != null) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is dropped below if it is broken
                }
            }
        } finally {
            if (c != null) {
                pool.add(c);
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return params;
    }

    static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ pages

    static final String CLAIM = """
            SELECT c.id, c.slug, c.statement, c.status, s.support_weight, s.conflict_weight, s.support_count, s.conflict_count,
                   s.vote_count, s.contestedness, s.verdict,
                   ARRAY(SELECT t.slug FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = c.id ORDER BY t.name),
                   ARRAY(SELECT t.name FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = c.id ORDER BY t.name),
                   (c.created_at AT TIME ZONE 'UTC')::date
            FROM claim c LEFT JOIN claim_score s ON s.claim_id = c.id WHERE c.slug = ? AND c.status = 'PUBLISHED'""";
    static final String CARDS = """
            SELECT e.id, e.stance, e.weight, e.vote_count, e.note, e.population, e.intervention, e.comparison, e.outcome, e.study_type,
                   x.id, x.exact, x.prefix, x.suffix, x.orphaned, x.changed, d.slug, d.title, d.kind, d.published_on, d.id, d.url
            FROM evidence e JOIN document d ON d.id = e.document_id LEFT JOIN excerpt x ON x.id = e.excerpt_id
            WHERE e.claim_id = ? ORDER BY e.weight DESC, e.id""";
    static final String VOTES = """
            SELECT v.evidence_id, v.reviewer_id, u.display_name, v.strength, v.disputes_stance, v.rationale
            FROM vote v JOIN app_user u ON u.id = v.reviewer_id JOIN evidence e ON e.id = v.evidence_id
            WHERE e.claim_id = ? ORDER BY v.updated_at""";

    static String claimPage(Connection c, String slug, String base) throws SQLException {
        Map<String, Object> claim;
        Map<String, Object> score;
        long id;
        try (PreparedStatement st = c.prepareStatement(CLAIM)) {
            st.setString(1, slug);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                id = rs.getLong(1);
                String path = "/claims/" + rs.getString(2);
                List<Map<String, Object>> tags = new ArrayList<>();
                String[] slugs = (String[]) rs.getArray(12).getArray();
                String[] names = (String[]) rs.getArray(13).getArray();
                for (int i = 0; i < slugs.length; i++) {
                    tags.add(map("path", "/tags/" + slugs[i], "name", names[i], "slug", slugs[i]));
                }
                claim = map("id", id, "slug", rs.getString(2), "statement", rs.getString(3), "status", map("name", rs.getString(4), "label",
                        "Published"), "tags", tags, "path", path, "historyPath", path + "/history", "reviewPath", "/review/claims/" + rs.getString(2),
                        "open", true, "createdOn", rs.getDate(14).toLocalDate().toString());
                Verdict verdict = Verdict.valueOf(rs.getString(11) == null ? "UNREVIEWED" : rs.getString(11));
                score = map("supportWeight", rs.getBigDecimal(5), "conflictWeight", rs.getBigDecimal(6), "supportCount", rs.getInt(7),
                        "conflictCount", rs.getInt(8), "voteCount", rs.getInt(9), "contestedness", rs.getBigDecimal(10), "verdict", verdict);
            }
        }
        List<Map<String, Object>> supports = new ArrayList<>();
        List<Map<String, Object>> conflicts = new ArrayList<>();
        BigDecimal s = BigDecimal.ZERO;
        BigDecimal k = BigDecimal.ZERO;
        int votes = 0;
        Map<String, int[]> outcomes = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(CARDS)) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Stance stance = Stance.valueOf(rs.getString(2));
                    long eid = rs.getLong(1);
                    Map<String, Object> excerpt = rs.getObject(11) == null ? null
                            : map("id", rs.getLong(11), "exact", rs.getString(12), "prefix", rs.getString(13), "suffix", rs.getString(14),
                                    "orphaned", rs.getBoolean(15), "changed", rs.getBoolean(16));
                    Map<String, Object> card = map("id", eid, "stance", stance, "weight", rs.getBigDecimal(3), "note", rs.getString(5),
                            "population", rs.getString(6), "intervention", rs.getString(7), "comparison", rs.getString(8), "outcome",
                            rs.getString(9), "studyType", rs.getString(10), "excerpt", excerpt,
                            "sourcePath", excerpt == null ? "/documents/" + rs.getString(17) : "/documents/" + rs.getString(17) + "#passage-" + rs.getLong(11),
                            "document", map("title", rs.getString(18), "kind", map("label", kindLabel(rs.getString(19))), "publishedOn",
                                    rs.getObject(20) == null ? null : rs.getDate(20).toLocalDate()),
                            "documentId", rs.getLong(21), "documentUrl", rs.getString(22),
                            "claim", claim, "votePath", "/evidence/" + eid + "/vote", "withdrawPath", "/evidence/" + eid + "/vote/withdraw");
                    (stance == Stance.SUPPORTS ? supports : conflicts).add(card);
                    if (stance == Stance.SUPPORTS) {
                        s = s.add(rs.getBigDecimal(3));
                    } else {
                        k = k.add(rs.getBigDecimal(3));
                    }
                    votes += rs.getInt(4);
                    if (rs.getString(9) != null) {
                        outcomes.computeIfAbsent(rs.getString(9).strip().toLowerCase(Locale.ROOT), x -> new int[2])[stance == Stance.SUPPORTS ? 0 : 1]++;
                    }
                }
            }
        }
        OnClaim onClaim = onClaim(c, id);
        BigDecimal contestedness = Verdict.contestedness(s, k);
        Map<String, Object> reading = map("blind", false, "unrated", 0, "minimum", null, "minimumChoices", MINIMUM_CHOICES, "dropped", 0, "supports", supports, "conflicts",
                conflicts, "support", s, "conflict", k, "contestedness", contestedness, "verdict", Verdict.of(s, k, votes), "meterPercent",
                contestedness.multiply(BigDecimal.valueOf(100)).intValue(), "why", why(supports, conflicts));
        // Crux's reading.Card for an anonymous reader: every value worked out before rendering
        Map<Object, Map<String, Object>> cards = new HashMap<>();
        for (Map<String, Object> card : supports) {
            cards.put(card.get("id"), card(card, onClaim));
        }
        for (Map<String, Object> card : conflicts) {
            cards.put(card.get("id"), card(card, onClaim));
        }
        @SuppressWarnings("unchecked")
        var why = (Map<String, Object>) reading.get("why");
        @SuppressWarnings("unchecked")
        var groupsOf = (java.util.function.Function<Object, Object>) why.get("groups");
        java.util.function.Function<List<?>, List<Object>> cardsOf = items -> items.stream().map(x -> (Object) cards.get(((Map<?, ?>) x).get("id"))).toList();
        java.util.function.Function<List<Map<String, Object>>, List<Map<String, Object>>> grouped = side -> {
            List<Map<String, Object>> result = new ArrayList<>();
            for (Object g : (List<?>) groupsOf.apply(side)) {
                Map<?, ?> group = (Map<?, ?>) g;
                result.add(map("heading", group.get("heading"), "cards", cardsOf.apply((List<?>) group.get("items"))));
            }
            return result;
        };
        Map<String, Object> cardLists = map("supports", cardsOf.apply(supports), "conflicts", cardsOf.apply(conflicts),
                "supportGroups", grouped.apply(supports), "conflictGroups", grouped.apply(conflicts));
        Map<String, Object> view = map("claim", claim, "score", score, "votes", onClaim, "tagText", "");
        String permalink = base + claim.get("path");
        List<Map<String, Object>> all = new ArrayList<>(supports);
        all.addAll(conflicts);
        return templates.get("ClaimPages/show").data("view", view).data("reading", reading).data("cards", cardLists).data("jsonLd", jsonLd(claim, score, all, base))
                .data("permalink", permalink).data("statuses", List.of()).data("attempted", null).data("problems", List.of())
                .data("path", claim.get("path")).data("banner", null).data("finder", null).render();
    }

    /** Reading.minimumChoices for a reader who chose no minimum. */
    static final List<Map<String, Object>> MINIMUM_CHOICES = java.util.stream.Stream.of(Strength.values()).filter(s -> s.score > 1)
            .map(s -> map("strength", s, "selected", false)).toList();

    static final String[][] CONTEXT = {{"population", "Population"}, {"intervention", "Intervention"}, {"comparison", "Compared with"},
            {"outcome", "Outcome measured"}, {"studyType", "Study type"}};

    static String contextValue(Map<String, Object> card, String field) {
        String v = (String) card.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Crux's reading.ContextDifferences: the fields the sides differ on, the cards grouped by them, the items without context. */
    static Map<String, Object> why(List<Map<String, Object>> supports, List<Map<String, Object>> conflicts) {
        List<Map<String, Object>> fields = new ArrayList<>();
        List<String[]> differing = new ArrayList<>();
        for (String[] field : CONTEXT) {
            Map<String, String> shown = new LinkedHashMap<>();
            Map<String, int[]> counts = new LinkedHashMap<>();
            for (int side = 0; side < 2; side++) {
                for (Map<String, Object> card : side == 0 ? supports : conflicts) {
                    String value = contextValue(card, field[0]);
                    if (value != null) {
                        String key = value.toLowerCase(Locale.ROOT);
                        shown.putIfAbsent(key, value);
                        counts.computeIfAbsent(key, x -> new int[2])[side]++;
                    }
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            boolean oneSided = false;
            for (var en : counts.entrySet()) {
                rows.add(map("value", shown.get(en.getKey()), "supports", en.getValue()[0], "conflicts", en.getValue()[1]));
                oneSided |= en.getValue()[0] == 0 || en.getValue()[1] == 0;
            }
            if (rows.size() >= 2 && oneSided) {
                fields.add(map("label", field[1], "values", rows));
                differing.add(field);
            }
        }
        List<Map<String, Object>> bare = new ArrayList<>();
        for (List<Map<String, Object>> side : List.of(supports, conflicts)) {
            for (Map<String, Object> card : side) {
                boolean none = true;
                for (String[] field : CONTEXT) {
                    none &= contextValue(card, field[0]) == null;
                }
                if (none) {
                    bare.add(card);
                }
            }
        }
        java.util.function.Function<Object, Object> groups = sideCards -> {
            Map<String, List<Object>> byHeading = new LinkedHashMap<>();
            List<Object> unrecorded = new ArrayList<>();
            for (Object o : (List<?>) sideCards) {
                @SuppressWarnings("unchecked")
                Map<String, Object> card = (Map<String, Object>) o;
                List<String> parts = new ArrayList<>();
                for (String[] field : differing) {
                    String value = contextValue(card, field[0]);
                    if (value != null) {
                        parts.add(field[1] + ": " + value);
                    }
                }
                if (parts.isEmpty()) {
                    unrecorded.add(card);
                } else {
                    byHeading.computeIfAbsent(String.join(" \u00b7 ", parts), x -> new ArrayList<>()).add(card);
                }
            }
            List<Map<String, Object>> result = new ArrayList<>();
            byHeading.forEach((heading, items) -> result.add(map("heading", heading, "items", items)));
            if (!unrecorded.isEmpty()) {
                result.add(map("heading", "Context not recorded", "items", unrecorded));
            }
            return result;
        };
        return map("any", !fields.isEmpty(), "fields", fields, "withoutContext", bare, "groups", groups);
    }

    static Map<String, Object> card(Map<String, Object> e, OnClaim votes) {
        long id = (Long) e.get("id");
        @SuppressWarnings("unchecked")
        Map<String, Object> excerpt = (Map<String, Object>) e.get("excerpt");
        Tally tally = votes.tally(id);
        List<Map<String, Object>> bars = new ArrayList<>();
        if (tally.total() == 0) {
            bars.add(map("cssClass", "none", "x", 0, "width", 100));
        } else {
            for (Strength st : Strength.values()) {
                if (tally.count(st) > 0) {
                    bars.add(map("cssClass", "strength-" + st.key(), "x", tally.offset(st), "width", tally.percent(st)));
                }
            }
        }
        boolean context = false;
        for (String[] field : CONTEXT) {
            context |= e.get(field[0]) != null;
        }
        return map("e", e, "before", excerpt == null ? "" : lastWords((String) excerpt.get("prefix")), "after",
                excerpt == null ? "" : firstWords((String) excerpt.get("suffix")), "sourcePath", e.get("sourcePath"), "historyPath",
                "/evidence/" + id + "/history", "context", context, "hidden", false, "bars", bars, "tally", tally.summary(), "rationales",
                votes.rows(id), "mine", null, "rating", false, "editing", false, "thread", null, "back", ((Map<?, ?>) e.get("claim")).get("path"),
                "scale", List.of(Strength.values()));
    }

    static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    static String lastWords(String text) {
        String[] words = SPACES.split(text == null ? "" : text, -1);
        return String.join(" ", java.util.Arrays.copyOfRange(words, Math.max(0, words.length - 7), words.length));
    }

    static String firstWords(String text) {
        String[] words = SPACES.split(text == null ? "" : text, -1);
        return String.join(" ", java.util.Arrays.copyOfRange(words, 0, Math.min(7, words.length)));
    }

    /** The claim page's ClaimReview JSON-LD, as ClaimReviewJson writes it (by hand here: no Jackson). */
    static String jsonLd(Map<String, Object> claim, Map<String, Object> score, List<Map<String, Object>> cards, String base) {
        Verdict verdict = (Verdict) score.get("verdict");
        if (verdict == Verdict.UNREVIEWED) {
            return null;
        }
        StringBuilder out = new StringBuilder(2048).append("{\"@context\":\"https://schema.org\",\"@type\":\"ClaimReview\",\"url\":\"")
                .append(json(base + claim.get("path"))).append("\",\"claimReviewed\":\"").append(json(shorten((String) claim.get("statement"))))
                .append("\",\"reviewRating\":{\"@type\":\"Rating\",\"ratingValue\":")
                .append(verdict == Verdict.REFUTED ? 1 : verdict == Verdict.CONTESTED ? 2 : 3)
                .append(",\"worstRating\":1,\"bestRating\":3,\"alternateName\":\"").append(verdict.label)
                .append("\"},\"author\":{\"@type\":\"Organization\",\"name\":\"Crux\",\"url\":\"").append(json(base + "/"))
                .append("\"},\"datePublished\":\"").append(claim.get("createdOn"))
                .append("\",\"itemReviewed\":{\"@type\":\"Claim\",\"name\":\"").append(json((String) claim.get("statement")))
                .append("\",\"appearance\":[");
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (Map<String, Object> card : cards) {
            if (seen.add(card.get("documentId"))) {
                out.append(seen.size() > 1 ? "," : "").append("{\"@type\":\"CreativeWork\",\"name\":\"")
                        .append(json((String) ((Map<?, ?>) card.get("document")).get("title"))).append('"');
                if (card.get("documentUrl") != null) {
                    out.append(",\"url\":\"").append(json((String) card.get("documentUrl"))).append('"');
                }
                out.append('}');
            }
        }
        return out.append("]}}").toString();
    }

    static String shorten(String statement) {
        if (statement.length() <= 74) {
            return statement;
        }
        String cut = statement.substring(0, 73);
        int space = cut.lastIndexOf(' ');
        return (space > 40 ? cut.substring(0, space) : cut) + "\u2026";
    }

    static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    static OnClaim onClaim(Connection c, long claimId) throws SQLException {
        Map<Long, List<Row>> byEvidence = new LinkedHashMap<>();
        java.util.Set<Long> raters = new java.util.HashSet<>();
        try (PreparedStatement st = c.prepareStatement(VOTES)) {
            st.setLong(1, claimId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Row row = new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), Strength.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getString(6));
                    byEvidence.computeIfAbsent(row.evidenceId(), x -> new ArrayList<>()).add(row);
                    raters.add(row.reviewerId());
                }
            }
        }
        List<List<Integer>> units = byEvidence.values().stream().map(list -> list.stream().map(r -> r.strength().score).toList()).toList();
        return new OnClaim(byEvidence, Agreement.ordinalAlpha(units), raters.size());
    }

    static final String RANKED = """
            SELECT c.id, c.slug, c.statement, s.verdict, s.contestedness, s.support_weight, s.conflict_weight, s.support_count, s.conflict_count
            FROM claim_score s JOIN claim c ON c.id = s.claim_id
            WHERE c.status = 'PUBLISHED' AND s.rank_score > 0
            ORDER BY s.rank_score DESC, s.claim_id LIMIT 51""";
    static final String STRONGEST = """
            SELECT e.claim_id, e.stance, d.slug, d.title
            FROM claim c CROSS JOIN (VALUES ('SUPPORTS'), ('CONFLICTS')) AS side(stance)
            CROSS JOIN LATERAL (SELECT x.claim_id, x.stance, x.document_id, x.weight FROM evidence x
                 WHERE x.claim_id = c.id AND x.stance = side.stance AND x.detached_at IS NULL
                 ORDER BY x.weight DESC, x.id LIMIT 1) e
            JOIN document d ON d.id = e.document_id
            WHERE c.id = ANY (?)""";
    /** Crux's AuditDataVersion: the snapshot keys the kept topic list, as Crux's TopicFilter does. */
    static final String SNAPSHOT = """
            SELECT CAST(pg_current_snapshot() AS text)""";
    /** The topics with published claims, kept for one snapshot, as Crux's TopicFilter keeps them. */
    record KeptTags(String snapshot, List<Map<String, Object>> tags) {
    }

    static volatile KeptTags keptTags;
    /** The topics of published claims (Crux's Tag.withPublishedClaims), as a semi-join: it stops at each tag's first published claim. */
    static final String TAGS = """
            SELECT t.slug, t.name FROM tag t
            WHERE EXISTS (SELECT 1 FROM claim_tag ct JOIN claim c ON c.id = ct.claim_id WHERE ct.tag_id = t.id AND c.status = 'PUBLISHED')
            ORDER BY t.name""";

    static String contested(Connection c) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<Long, Map<String, Object>> byId = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(RANKED); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                BigDecimal contestedness = rs.getBigDecimal(5);
                Map<String, Object> row = map("id", rs.getLong(1), "path", "/claims/" + rs.getString(2), "statement", rs.getString(3), "verdict",
                        Verdict.valueOf(rs.getString(4)), "contestedness", contestedness, "meterPercent",
                        contestedness.multiply(BigDecimal.valueOf(100)).intValue(), "supportWeight", rs.getBigDecimal(6), "conflictWeight",
                        rs.getBigDecimal(7), "supportCount", rs.getInt(8), "conflictCount", rs.getInt(9), "strongestSupport", null,
                        "strongestConflict", null, "hidden", false);
                rows.add(row);
                byId.put(rs.getLong(1), row);
            }
        }
        boolean more = rows.size() > 50;
        if (more) {
            byId.remove((Long) rows.remove(50).get("id"));
        }
        try (PreparedStatement st = c.prepareStatement(STRONGEST)) {
            Array ids = c.createArrayOf("bigint", byId.keySet().toArray());
            st.setArray(1, ids);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byId.get(rs.getLong(1)).put(rs.getString(2).equals("SUPPORTS") ? "strongestSupport" : "strongestConflict",
                            map("documentPath", "/documents/" + rs.getString(3), "documentTitle", rs.getString(4)));
                }
            }
        }
        String snapshot;
        try (PreparedStatement st = c.prepareStatement(SNAPSHOT); ResultSet rs = st.executeQuery()) {
            rs.next();
            snapshot = rs.getString(1);
        }
        KeptTags kept = keptTags;
        if (kept == null || !kept.snapshot().equals(snapshot)) {
            List<Map<String, Object>> read = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(TAGS); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    read.add(map("slug", rs.getString(1), "name", rs.getString(2), "selected", false));
                }
            }
            kept = keptTags = new KeptTags(snapshot, read);
        }
        List<Map<String, Object>> tags = kept.tags();
        // keyset-style paging: "next" when a 51st row exists, no count over the whole ranking
        Map<String, Object> paging = map("number", 1, "last", more ? 2 : 1, "hasPrevious", false, "hasNext", more, "next", 2, "previous", 0,
                "firstShown", 1, "lastShown", rows.size(), "total", more ? "50+" : rows.size());
        return templates.get("ContestedPages/contested").data("claims", rows).data("tags", tags).data("tag", null).data("paging", paging)
                .data("pagerBase", "/contested?").render();
    }

    static final String DOCUMENT = """
            SELECT id, slug, title, kind, body, author, publisher, published_on, url, current_revision FROM document WHERE slug = ?""";
    static final String PASSAGES = """
            SELECT x.id, x.start_offset, x.end_offset, x.exact, x.orphaned, x.changed, c.slug, c.statement, e.stance
            FROM evidence e JOIN excerpt x ON x.id = e.excerpt_id JOIN claim c ON c.id = e.claim_id
            WHERE e.document_id = ? AND c.status = 'PUBLISHED' ORDER BY x.start_offset, x.id, e.id""";
    static final String RIVALS = """
            SELECT d.slug, d.title, count(DISTINCT mine.claim_id) AS claims
            FROM evidence mine
            JOIN claim c ON c.id = mine.claim_id AND c.status = 'PUBLISHED'
            JOIN evidence theirs ON theirs.claim_id = mine.claim_id AND theirs.document_id <> mine.document_id
                                 AND theirs.stance <> mine.stance
            JOIN document d ON d.id = theirs.document_id
            WHERE mine.document_id = ?
            GROUP BY d.id, d.slug, d.title ORDER BY claims DESC, d.title LIMIT 5""";

    static String documentPage(Connection c, String slug) throws SQLException {
        Map<String, Object> doc;
        String body;
        long id;
        try (PreparedStatement st = c.prepareStatement(DOCUMENT)) {
            st.setString(1, slug);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                id = rs.getLong(1);
                body = rs.getString(5);
                doc = map("slug", rs.getString(2), "title", rs.getString(3), "kind", map("label", kindLabel(rs.getString(4))), "citationOnly",
                        body == null, "author", rs.getString(6), "publisher", rs.getString(7), "publishedOn",
                        rs.getObject(8) == null ? null : rs.getDate(8).toLocalDate(), "url", rs.getString(9), "currentRevision", rs.getInt(10),
                        "historyPath", "/documents/" + rs.getString(2) + "/history", "textLength", body == null ? 0 : body.length());
            }
        }
        Map<Long, Map<String, Object>> notes = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(PASSAGES)) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long xid = rs.getLong(1);
                    Map<String, Object> note = notes.get(xid);
                    if (note == null) {
                        note = map("excerpt", map("id", xid, "start", rs.getInt(2), "end", rs.getInt(3), "exact", rs.getString(4), "orphaned",
                                rs.getBoolean(5), "changed", rs.getBoolean(6)), "claims", new ArrayList<Map<String, Object>>(), "tone", null);
                        notes.put(xid, note);
                    }
                    claimsOf(note).add(map("path", "/claims/" + rs.getString(7), "statement", rs.getString(8), "stance",
                            Stance.valueOf(rs.getString(9))));
                }
            }
        }
        List<Map<String, Object>> passages = new ArrayList<>();
        List<Highlights.Mark> marks = new ArrayList<>();
        for (Map<String, Object> note : notes.values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> excerpt = (Map<String, Object>) note.get("excerpt");
            boolean supports = claimsOf(note).stream().anyMatch(x -> x.get("stance") == Stance.SUPPORTS);
            boolean conflicts = claimsOf(note).stream().anyMatch(x -> x.get("stance") == Stance.CONFLICTS);
            String tone = supports && conflicts ? "mixed" : conflicts ? "conflicts" : "supports";
            note.put("tone", tone);
            if (!(Boolean) excerpt.get("orphaned")) {
                passages.add(note);
                marks.add(new Highlights.Mark((Long) excerpt.get("id"), (Integer) excerpt.get("start"), (Integer) excerpt.get("end"), tone,
                        String.join(" · ", claimsOf(note).stream().map(x -> (String) x.get("statement")).distinct().toList())));
            }
        }
        List<Map<String, Object>> rivals = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(RIVALS)) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rivals.add(map("slug", rs.getString(1), "title", rs.getString(2), "claims", rs.getLong(3)));
                }
            }
        }
        doc.put("compareWith", (java.util.function.Function<Object, Object>) r -> "/compare?a=" + slug + "&b=" + ((Map<?, ?>) r).get("slug"));
        Map<String, Object> view = map("textLength", doc.get("textLength"), "document", doc, "paragraphs", body == null ? List.of() : Highlights.of(body, marks), "passages", passages,
                "needingAttention", List.of());
        return templates.get("DocumentViewPages/show").data("view", view).data("rivals", rivals).data("extractHint", false).render();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> claimsOf(Map<String, Object> note) {
        return (List<Map<String, Object>>) note.get("claims");
    }

    static final String HEADLINE = "StartSel=\u27E6, StopSel=\u27E7, MaxWords=30, MinWords=12, MaxFragments=2";
    /** Crux's SearchService: the newest 1,000 matches of each list ranked, how many were found (up to 1,001) beside each row. */
    static final String SEARCH_CLAIMS = """
            SELECT c.id, c.slug, c.statement, ts_headline('english', c.statement, q, ?), m.found
            FROM websearch_to_tsquery('english', ?) q
            CROSS JOIN LATERAL (SELECT n.id, count(*) OVER () AS found, row_number() OVER (ORDER BY n.id DESC) AS newest
                 FROM (SELECT x.id FROM claim x WHERE x.status = 'PUBLISHED' AND x.search @@ q
                       ORDER BY x.id DESC LIMIT 1001) n) m
            JOIN claim c ON c.id = m.id
            WHERE m.newest <= 1000
            ORDER BY ts_rank(c.search, q) DESC, c.id OFFSET 0 LIMIT 20""";
    static final String SEARCH_DOCUMENTS = """
            SELECT d.id, d.slug, d.title, ts_headline('english', coalesce(left(d.body, 100000), d.title), q, ?), m.found
            FROM websearch_to_tsquery('english', ?) q
            CROSS JOIN LATERAL (SELECT n.id, count(*) OVER () AS found, row_number() OVER (ORDER BY n.id DESC) AS newest
                 FROM (SELECT x.id FROM document x WHERE x.search @@ q ORDER BY x.id DESC LIMIT 1001) n) m
            JOIN document d ON d.id = m.id
            WHERE m.newest <= 1000
            ORDER BY ts_rank(d.search, q) DESC, d.id OFFSET 0 LIMIT 20""";

    static String search(Connection c, String q) throws SQLException {
        List<Map<String, Object>> claims = hits(c, SEARCH_CLAIMS, q, "claimPath", "/claims/");
        List<Map<String, Object>> documents = hits(c, SEARCH_DOCUMENTS, q, "documentPath", "/documents/");
        boolean claimsCapped = !claims.isEmpty() && (long) claims.get(0).get("found") > 1000;
        boolean documentsCapped = !documents.isEmpty() && (long) documents.get(0).get("found") > 1000;
        String lists = claimsCapped && documentsCapped ? "claims and more than 1,000 documents" : claimsCapped ? "claims" : "documents";
        Map<String, Object> results = map("query", q, "claims", claims, "documents", documents, "approximate", false, "page", 1, "empty",
                claims.isEmpty() && documents.isEmpty(), "more", claims.size() == 20 || documents.size() == 20, "capped",
                claimsCapped || documentsCapped, "cappedNotice", "More than 1,000 " + lists
                        + " match these words, so the best are picked from the newest 1,000. Add a word to narrow the search.");
        return templates.get("SearchPages/search").data("results", results).data("encodedQuery", URLEncoder.encode(q, StandardCharsets.UTF_8)).render();
    }

    static List<Map<String, Object>> hits(Connection c, String sql, String q, String pathKey, String prefix) throws SQLException {
        List<Map<String, Object>> hits = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);   // planned for the words each time, as Crux's Rows.selectPlanned
            st.setString(1, HEADLINE);
            st.setString(2, q);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    hits.add(map(pathKey, prefix + rs.getString(2), "title", rs.getString(3), "snippet", map("raw", new RawString(snippet(rs.getString(4)))),
                            "found", rs.getLong(5)));
                }
            }
        }
        return hits;
    }

    /** Crux's Snippet.marked: escaped first, then the markers become mark elements. */
    static String snippet(String text) {
        String escaped = (text == null ? "" : text.replaceAll("\\s+", " ").strip()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
        return escaped.replace("\u27E6", "<mark>").replace("\u27E7", "</mark>");
    }

    // ------------------------------------------------------------------ the vote write

    static final String TOKEN = """
            SELECT u.id, u.username FROM api_token t JOIN app_user u ON u.id = t.user_id JOIN user_role r ON r.user_id = u.id AND r.role = 'REVIEWER'
            WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > now() AND u.enabled""";
    static final String LOCK = """
            SELECT c.id FROM evidence e JOIN claim c ON c.id = e.claim_id WHERE e.id = ? AND c.status = 'PUBLISHED' FOR UPDATE OF c""";
    static final String UPSERT = """
            INSERT INTO vote (evidence_id, reviewer_id, strength, disputes_stance) VALUES (?, ?, ?, false)
            ON CONFLICT (evidence_id, reviewer_id) DO UPDATE SET strength = excluded.strength, disputes_stance = excluded.disputes_stance,
                updated_at = now()""";
    /** ScoreKeeper.EVIDENCE_WEIGHTS, then SIDES and the claim_score update in one statement. */
    static final String WEIGHTS = """
            UPDATE evidence e SET weight = w.weight, vote_count = w.votes, dispute_count = w.disputes
            FROM (SELECT x.id, count(v.reviewer_id) AS votes,
                         count(v.reviewer_id) FILTER (WHERE v.disputes_stance) AS disputes,
                         CASE WHEN count(v.reviewer_id) = 0 THEN 1
                              WHEN 2 * count(v.reviewer_id) FILTER (WHERE v.disputes_stance) > count(v.reviewer_id) THEN 0
                              ELSE round(avg(CASE v.strength WHEN 'HIGH' THEN 4 WHEN 'MODERATE' THEN 3
                                                              WHEN 'LOW' THEN 2 ELSE 1 END), 2) END AS weight
                  FROM evidence x LEFT JOIN vote v ON v.evidence_id = x.id
                  WHERE x.claim_id = ? GROUP BY x.id) w
            WHERE e.id = w.id AND (e.weight, e.vote_count, e.dispute_count) IS DISTINCT FROM (w.weight, w.votes, w.disputes)""";
    static final String SCORE = """
            UPDATE claim_score s SET support_weight = t.sw, conflict_weight = t.cw, support_count = t.sc, conflict_count = t.cc,
                   vote_count = t.vc, contestedness = t.k, rank_score = t.k * (t.sw + t.cw),
                   verdict = CASE WHEN t.vc = 0 OR t.sw + t.cw = 0 THEN 'UNREVIEWED' WHEN t.k >= 0.5 THEN 'CONTESTED'
                                  WHEN t.sw > t.cw THEN 'SUPPORTED' ELSE 'REFUTED' END, last_activity_at = now()
            FROM (SELECT sw, cw, sc, cc, vc, CASE WHEN sw + cw = 0 THEN 0 ELSE round(2 * least(sw, cw) / (sw + cw), 4) END AS k
                  FROM (SELECT coalesce(sum(weight) FILTER (WHERE stance = 'SUPPORTS'), 0) AS sw,
                               coalesce(sum(weight) FILTER (WHERE stance = 'CONFLICTS'), 0) AS cw,
                               count(*) FILTER (WHERE stance = 'SUPPORTS') AS sc, count(*) FILTER (WHERE stance = 'CONFLICTS') AS cc,
                               coalesce(sum(vote_count), 0) AS vc FROM evidence WHERE claim_id = ?) a) t
            WHERE s.claim_id = ?""";
    static final String AUDIT = """
            INSERT INTO audit_event (actor_id, actor_name, action, entity_type, entity_id, summary, after)
            VALUES (?, ?, 'vote.cast', 'evidence', ?, ?, CAST(? AS jsonb))""";

    static String vote(Connection c, long evidenceId, String authorization, String body) throws Exception {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new Refused(401, "a reviewer's bearer token is needed");
        }
        String strength = body.replaceAll("(?s).*\"strength\"\\s*:\\s*\"([A-Z_]+)\".*", "$1");
        Strength.valueOf(strength);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(authorization.substring(7).getBytes(StandardCharsets.UTF_8)));
        c.setAutoCommit(false);
        try {
            long reviewer;
            String name;
            try (PreparedStatement st = c.prepareStatement(TOKEN)) {
                st.setString(1, hash);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new Refused(401, "unknown token");
                    }
                    reviewer = rs.getLong(1);
                    name = rs.getString(2);
                }
            }
            long claim;
            try (PreparedStatement st = c.prepareStatement(LOCK)) {
                st.setLong(1, evidenceId);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new Refused(404, "no evidence " + evidenceId);
                    }
                    claim = rs.getLong(1);
                }
            }
            try (PreparedStatement st = c.prepareStatement(UPSERT)) {
                st.setLong(1, evidenceId);
                st.setLong(2, reviewer);
                st.setString(3, strength);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement(WEIGHTS)) {
                st.setLong(1, claim);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement(SCORE)) {
                st.setLong(1, claim);
                st.setLong(2, claim);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement(AUDIT)) {
                st.setLong(1, reviewer);
                st.setString(2, name);
                st.setLong(3, evidenceId);
                st.setString(4, "Rated evidence " + evidenceId + " " + strength);
                st.setString(5, "{\"strength\":\"" + strength + "\"}");
                st.executeUpdate();
            }
            c.commit();
        } catch (Exception e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        return "{\"evidenceId\":" + evidenceId + ",\"strength\":\"" + strength + "\"}";
    }

    // ------------------------------------------------------------------ the view model's small types

    public enum Strength {
        HIGH(4, "High"), MODERATE(3, "Moderate"), LOW(2, "Low"), VERY_LOW(1, "Very low");

        public final int score;
        public final String label;

        Strength(int score, String label) {
            this.score = score;
            this.label = label;
        }

        public String key() {
            return String.valueOf(score);
        }
    }

    public enum Stance {
        SUPPORTS("Supports"), CONFLICTS("Conflicts");

        public final String label;

        Stance(String label) {
            this.label = label;
        }

        public String tone() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String cssClass() {
            return "stance-" + name().toLowerCase(Locale.ROOT);
        }
    }

    /** Crux's Verdict rules (score.Verdict), repeated here so the handler needs no Crux class but two pure helpers. */
    public enum Verdict {
        UNREVIEWED("Unreviewed"), SUPPORTED("Supported"), CONTESTED("Contested"), REFUTED("Refuted");

        public final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String cssClass() {
            return "verdict-" + name().toLowerCase(Locale.ROOT);
        }

        static BigDecimal contestedness(BigDecimal support, BigDecimal conflict) {
            BigDecimal total = support.add(conflict);
            return total.signum() == 0 ? BigDecimal.ZERO.setScale(4)
                    : support.min(conflict).multiply(BigDecimal.valueOf(2)).divide(total, 4, RoundingMode.HALF_UP);
        }

        static Verdict of(BigDecimal support, BigDecimal conflict, int votes) {
            if (votes == 0 || support.add(conflict).signum() == 0) {
                return UNREVIEWED;
            }
            if (contestedness(support, conflict).compareTo(new BigDecimal("0.5")) >= 0) {
                return CONTESTED;
            }
            return support.compareTo(conflict) > 0 ? SUPPORTED : REFUTED;
        }
    }

    static String kindLabel(String kind) {
        return switch (kind) {
            case "ARTICLE" -> "Article";
            case "STUDY" -> "Study";
            case "REVIEW" -> "Review";
            case "GUIDELINE" -> "Guideline";
            case "TRANSCRIPT" -> "Transcript";
            default -> "Other";
        };
    }

    public record Row(long evidenceId, long reviewerId, String reviewer, Strength strength, boolean disputesStance, String rationale) {
    }

    /** Crux's Votes.Tally. */
    public record Tally(int high, int moderate, int low, int veryLow, int disputes) {
        public int total() {
            return high + moderate + low + veryLow;
        }

        public int count(Strength strength) {
            return switch (strength) {
                case HIGH -> high;
                case MODERATE -> moderate;
                case LOW -> low;
                case VERY_LOW -> veryLow;
            };
        }

        public int percent(Strength strength) {
            return total() == 0 ? 0 : Math.round(100f * count(strength) / total());
        }

        public int offset(Strength strength) {
            int before = 0;
            for (Strength s : Strength.values()) {
                if (s == strength) {
                    break;
                }
                before += count(s);
            }
            return total() == 0 ? 0 : Math.round(100f * before / total());
        }

        public String summary() {
            return total() == 0 ? "no ratings yet" : high + " high, " + moderate + " moderate, " + low + " low, " + veryLow + " very low"
                    + (disputes > 0 ? "; " + disputes + " dispute the stance" : "");
        }

        static Tally of(List<Row> rows) {
            int[] counts = new int[4];
            int disputes = 0;
            for (Row row : rows) {
                counts[4 - row.strength().score]++;
                disputes += row.disputesStance() ? 1 : 0;
            }
            return new Tally(counts[0], counts[1], counts[2], counts[3], disputes);
        }
    }

    /** Crux's Votes.OnClaim. */
    public record OnClaim(Map<Long, List<Row>> byEvidence, java.util.OptionalDouble alpha, int raters) {
        public Tally tally(long evidenceId) {
            return Tally.of(rows(evidenceId));
        }

        public List<Row> rows(long evidenceId) {
            return byEvidence.getOrDefault(evidenceId, List.of());
        }

        public Row mineRow(long evidenceId, Long reviewerId) {
            return null;
        }

        public boolean agreementKnown() {
            return alpha.isPresent();
        }

        public String agreement() {
            return alpha.isPresent() ? String.format(Locale.ROOT, "%.2f", alpha.getAsDouble()) : "";
        }
    }

    /** What inject: beans answer for an anonymous reader. */
    public static final class Anonymous {
        public boolean loggedIn() {
            return false;
        }

        public boolean editor() {
            return false;
        }

        public boolean reviewer() {
            return false;
        }

        public boolean admin() {
            return false;
        }

        public boolean present() {
            return false;
        }

        public Long id() {
            return null;
        }

        public boolean hides(long evidenceId) {
            return false;
        }

        public boolean hidesClaim(long claimId) {
            return false;
        }
    }

    @SafeVarargs
    static <T> Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    // ------------------------------------------------------------------ the standalone Qute engine

    static Engine engine(Path root) throws IOException {
        Anonymous anonymous = new Anonymous();
        var builder = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver()).addValueResolver(ValueResolvers.rawResolver()).addValueResolver(new MapKeys())
                .addValueResolver(new MethodCalls()).addValueResolver(new StringExtensions())
                .addNamespaceResolver(NamespaceResolver.builder("inject").resolve(ctx -> anonymous).build())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).strictRendering(false)
                .addLocator(id -> locate(root, id));
        try (var tags = Files.list(root.resolve("tags"))) {
            for (Path tag : tags.toList()) {
                String name = tag.getFileName().toString().replace(".html", "");
                builder.addSectionHelper(new UserTagSectionHelper.Factory(name, "tags/" + name + ".html"));
            }
        }
        return builder.build();
    }

    static Optional<TemplateLocator.TemplateLocation> locate(Path root, String id) {
        Path file = root.resolve(id.endsWith(".html") ? id : id + ".html");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new TemplateLocator.TemplateLocation() {
            @Override
            public Reader read() {
                try {
                    return new StringReader(Files.readString(file));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(new Variant(Locale.ROOT, StandardCharsets.UTF_8, Variant.TEXT_HTML));
            }
        });
    }

    /** {@code map.key}: the view model's records are maps here. */
    static final class MapKeys implements ValueResolver {
        public int getPriority() {
            return 20;
        }

        public boolean appliesTo(EvalContext context) {
            return context.getBase() instanceof Map<?, ?> map && context.getParams().isEmpty() && map.containsKey(context.getName());
        }

        public CompletionStage<Object> resolve(EvalContext context) {
            return CompletableFuture.completedFuture(((Map<?, ?>) context.getBase()).get(context.getName()));
        }
    }

    /** {@code votes.tally(e.id)}, {@code doc.compareWith(r)}: calls with arguments, which Quarkus resolves with generated code. */
    static final class MethodCalls implements ValueResolver {
        public int getPriority() {
            return 15;
        }

        public boolean appliesTo(EvalContext context) {
            return context.getBase() != null && !context.getParams().isEmpty();
        }

        public CompletionStage<Object> resolve(EvalContext context) {
            List<Object> args = new ArrayList<>();
            for (var param : context.getParams()) {
                args.add(context.evaluate(param).toCompletableFuture().join());
            }
            Object base = context.getBase();
            try {
                if (base instanceof Map<?, ?> map && map.get(context.getName()) instanceof java.util.function.Function<?, ?> f) {
                    @SuppressWarnings("unchecked")
                    var fn = (java.util.function.Function<Object, Object>) f;
                    return CompletableFuture.completedFuture(fn.apply(args.get(0)));
                }
                for (Method m : base.getClass().getMethods()) {
                    if (m.getName().equals(context.getName()) && m.getParameterCount() == args.size()) {
                        Object[] converted = new Object[args.size()];
                        for (int i = 0; i < converted.length; i++) {
                            Class<?> type = m.getParameterTypes()[i];
                            Object arg = args.get(i);
                            converted[i] = (type == long.class || type == Long.class) && arg instanceof Number n ? n.longValue() : arg;
                        }
                        return CompletableFuture.completedFuture(m.invoke(base, converted));
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            return Results.notFound(context);
        }
    }

    /** Crux's web.Formats extensions on strings. */
    static final class StringExtensions implements ValueResolver {
        public boolean appliesTo(EvalContext context) {
            return context.getBase() instanceof String && (context.getName().equals("lastWords") || context.getName().equals("firstWords")
                    || context.getName().equals("urlEncode"));
        }

        public CompletionStage<Object> resolve(EvalContext context) {
            String text = (String) context.getBase();
            if (context.getName().equals("urlEncode")) {
                return CompletableFuture.completedFuture(URLEncoder.encode(text, StandardCharsets.UTF_8));
            }
            String[] words = text.replaceAll("\\s+", " ").split(" ", -1);
            return CompletableFuture.completedFuture(context.getName().equals("lastWords")
                    ? String.join(" ", java.util.Arrays.copyOfRange(words, Math.max(0, words.length - 7), words.length))
                    : String.join(" ", java.util.Arrays.copyOfRange(words, 0, Math.min(7, words.length))));
        }
    }
}
