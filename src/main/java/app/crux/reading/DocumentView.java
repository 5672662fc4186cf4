package app.crux.reading;

import app.crux.document.Document;
import app.crux.document.anchoring.Highlights;
import app.crux.Rows;
import app.crux.evidence.Stance;
import app.crux.review.PassageToResolve;
import io.quarkus.hibernate.orm.panache.Panache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything the document page shows, read in a fixed number of queries. */
public record DocumentView(Document document, List<Highlights.Paragraph> paragraphs, List<PassageNote> passages,
        List<PassageToResolve> needingAttention, int textLength) {

    /** The few columns of a passage the page shows (its text is the document's own). */
    public record Passage(long id, int start, int end, String exact, boolean orphaned) {
    }

    /** One highlighted passage and the claims it feeds, for the margin. */
    public record PassageNote(Passage excerpt, List<ClaimLink> claims) {
        public String tone() {
            boolean supports = claims.stream().anyMatch(c -> c.stance() == Stance.SUPPORTS);
            boolean conflicts = claims.stream().anyMatch(c -> c.stance() == Stance.CONFLICTS);
            return supports && conflicts ? "mixed" : conflicts ? "conflicts" : "supports";
        }
    }

    public record ClaimLink(String slug, String statement, Stance stance) {
    }

    /**
     * @param body the document's text, read beside it (Document.bySlugWithBody); null for a citation-only source
     * @param seesUnpublished whether the viewer sees draft and retracted claims (editors): readers' margins name only published ones
     */
    /** A passage of the document and one open claim it feeds, as the margin needs them. */
    private record MarginRow(long excerptId, int start, int end, String exact, boolean orphaned, String slug, String statement,
            String stance) {
    }

    /**
     * The passages still in use and the open claims they feed, in attachment order: only the columns the page
     * shows, so no entity is built for them (they were most of the page's cost). Drafts only for editors.
     */
    private static List<MarginRow> margin(long documentId, boolean seesUnpublished) {
        return Rows.select(Panache.getEntityManager(), MarginRow.class, """
                SELECT x.id, x.start_offset, x.end_offset, x.exact, x.orphaned, c.slug, c.statement, e.stance
                FROM evidence e JOIN excerpt x ON x.id = e.excerpt_id JOIN claim c ON c.id = e.claim_id
                WHERE e.document_id = ? AND e.detached_at IS NULL AND x.retired_at IS NULL
                  AND (c.status = 'PUBLISHED' OR (c.status = 'DRAFT' AND ?))
                ORDER BY e.id""", documentId, seesUnpublished);
    }

    public static DocumentView of(Document document, String body, boolean seesUnpublished) {
        Map<Long, PassageNote> notes = new LinkedHashMap<>();
        for (MarginRow row : margin(document.id, seesUnpublished)) {
            notes.computeIfAbsent(row.excerptId(), id -> new PassageNote(
                    new Passage(row.excerptId(), row.start(), row.end(), row.exact(), row.orphaned()), new ArrayList<>()))
                    .claims().add(new ClaimLink(row.slug(), row.statement(), Stance.valueOf(row.stance())));
        }
        List<PassageNote> passages = notes.values().stream()
                .sorted((a, b) -> Integer.compare(a.excerpt().start(), b.excerpt().start())).toList();
        List<Highlights.Mark> marks = passages.stream().filter(p -> !p.excerpt().orphaned())
                .map(p -> new Highlights.Mark(p.excerpt().id(), p.excerpt().start(), p.excerpt().end(), p.tone(),
                        String.join(" · ", p.claims().stream().map(ClaimLink::statement).distinct().toList())))
                .toList();
        List<Highlights.Paragraph> paragraphs = body == null ? List.of() : Highlights.of(body, marks);
        // editors resolve them; the candidate search is work readers' pages need not do
        List<PassageToResolve> attention = seesUnpublished ? PassageToResolve.ofDocument(document.id) : List.of();
        return new DocumentView(document, paragraphs, passages.stream().filter(p -> !p.excerpt().orphaned()).toList(), attention,
                body == null ? 0 : body.length());
    }
}
