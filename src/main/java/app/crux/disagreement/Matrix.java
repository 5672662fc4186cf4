package app.crux.disagreement;

import app.crux.Rows;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The disagreement map: for the documents that disagree most, how many published claims
 * each pair takes opposite sides on. One query; cells carry their own drawing geometry.
 */
public record Matrix(List<Doc> documents, List<Cell> cells, int max, int cellSize, int labelWidth) {

    /** A document on both axes; {@code labelX}/{@code labelY} place its column and row labels. */
    public record Doc(long id, String slug, String title, int index, int labelX, int labelY) {
        public String shortTitle() {
            return title.length() <= 26 ? title : title.substring(0, 25) + "…";
        }
    }

    public record Cell(Doc row, Doc column, int count, int x, int y, int size, String shade) {
        public int textX() {
            return x + size / 2;
        }

        public int textY() {
            return y + size / 2 + 4;
        }

        public String href() {
            return DisagreementPaths.compare(row.slug(), column.slug());
        }
    }

    public static final int DEFAULT_SIZE = 12;
    public static final int MAX_SIZE = 60;

    /** Where row labels end and column labels start. */
    public int labelEdge() {
        return labelWidth - 6;
    }

    public boolean showCounts() {
        return cellSize >= 22;
    }

    /** Room on the right for the slanted column labels. */
    public int width() {
        return labelWidth + documents.size() * cellSize + 110;
    }

    public int height() {
        return labelWidth + documents.size() * cellSize;
    }

    /** Rows for the table view: each document with its counts against every other one. */
    public List<List<Integer>> table() {
        int n = documents.size();
        List<List<Integer>> rows = new ArrayList<>();
        Map<String, Integer> byPair = new HashMap<>();
        cells.forEach(c -> byPair.put(c.row().index() + "/" + c.column().index(), c.count()));
        for (int r = 0; r < n; r++) {
            List<Integer> row = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                row.add(byPair.getOrDefault(r + "/" + c, 0));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Two documents on opposite sides of {@code claims} claims, with each one's total over all its pairs. */
    private record Opposed(long a, String slugA, String titleA, long b, String slugB, String titleB, int claims, long totalA,
            long totalB) {
    }

    /** A document of the matrix before it has a place: its total orders the rows. */
    private record Named(String slug, String title, long total) {
    }

    public static Matrix of(String tag, int size) {
        int n = Math.max(2, Math.min(size, MAX_SIZE));
        EntityManager em = Panache.getEntityManager();
        List<Opposed> pairs = Rows.list(em.createNativeQuery("""
                WITH stances AS (
                    SELECT DISTINCT e.document_id AS doc, e.claim_id AS claim, e.stance
                    FROM evidence e JOIN claim c ON c.id = e.claim_id
                    WHERE c.status = 'PUBLISHED' AND e.detached_at IS NULL AND (CAST(:tag AS text) IS NULL OR EXISTS (
                        SELECT 1 FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.claim_id = c.id AND t.slug = :tag))),
                pairs AS (
                    SELECT a.doc AS a, b.doc AS b, count(DISTINCT a.claim) AS n
                    FROM stances a JOIN stances b ON a.claim = b.claim AND a.doc < b.doc AND a.stance <> b.stance
                    GROUP BY a.doc, b.doc),
                totals AS (
                    SELECT doc, sum(n) AS total FROM (SELECT a AS doc, n FROM pairs UNION ALL SELECT b, n FROM pairs) x
                    GROUP BY doc ORDER BY total DESC, doc LIMIT :size)
                SELECT p.a, da.slug, da.title, p.b, db.slug, db.title, p.n, ta.total, tb.total
                FROM pairs p JOIN totals ta ON ta.doc = p.a JOIN totals tb ON tb.doc = p.b
                JOIN document da ON da.id = p.a JOIN document db ON db.id = p.b""")
                .setParameter("tag", tag).setParameter("size", n), Opposed.class);
        Map<Long, Named> docs = new LinkedHashMap<>();
        for (Opposed p : pairs) {
            docs.putIfAbsent(p.a(), new Named(p.slugA(), p.titleA(), p.totalA()));
            docs.putIfAbsent(p.b(), new Named(p.slugB(), p.titleB(), p.totalB()));
        }
        List<Map.Entry<Long, Named>> ordered = new ArrayList<>(docs.entrySet());
        ordered.sort((x, y) -> Long.compare(y.getValue().total(), x.getValue().total()));
        int cell = ordered.size() <= 15 ? 34 : ordered.size() <= 30 ? 22 : 14;
        int label = 200;
        Map<Long, Doc> index = new LinkedHashMap<>();
        for (var entry : ordered) {
            int i = index.size();
            index.put(entry.getKey(), new Doc(entry.getKey(), entry.getValue().slug(), entry.getValue().title(), i,
                    label + i * cell + cell / 2 + 4, label + i * cell + cell / 2 + 4));
        }
        int max = pairs.stream().mapToInt(Opposed::claims).max().orElse(0);
        List<Cell> cells = new ArrayList<>();
        for (Opposed p : pairs) {
            Doc a = index.get(p.a());
            Doc b = index.get(p.b());
            int count = p.claims();
            String shade = shade(count, max);
            cells.add(new Cell(a, b, count, label + b.index() * cell, label + a.index() * cell, cell - 2, shade));
            cells.add(new Cell(b, a, count, label + a.index() * cell, label + b.index() * cell, cell - 2, shade));
        }
        return new Matrix(List.copyOf(index.values()), cells, max, cell, label);
    }

    /** Five steps from pale to deep, so the heat reads even in greyscale print. */
    private static String shade(int count, int max) {
        int step = max == 0 ? 1 : 1 + (int) Math.floor(4.0 * (count - 1) / Math.max(1, max - 1) + 0.0001);
        return "heat-" + Math.min(5, Math.max(1, step));
    }
}
