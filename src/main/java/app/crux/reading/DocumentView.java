package app.crux.reading;

import app.crux.document.Document;
import app.crux.document.Excerpt;
import app.crux.document.anchoring.Highlights;
import app.crux.evidence.Evidence;
import app.crux.evidence.Stance;
import app.crux.review.PassageToResolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything the document page shows, read in a fixed number of queries. */
public record DocumentView(Document document, List<Highlights.Paragraph> paragraphs, List<PassageNote> passages,
        List<PassageToResolve> needingAttention, int textLength) {

    /** One highlighted passage and the claims it feeds, for the margin. */
    public record PassageNote(Excerpt excerpt, List<ClaimLink> claims) {
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
    public static DocumentView of(Document document, String body, boolean seesUnpublished) {
        List<Evidence> evidence = Evidence.fromDocument(document.id);
        Map<Long, PassageNote> notes = new LinkedHashMap<>();
        for (Evidence item : evidence) {
            if (item.excerpt == null || item.excerpt.retired() || !item.claim.open() || !item.claim.visibleTo(seesUnpublished)) {
                continue;
            }
            notes.computeIfAbsent(item.excerpt.id, id -> new PassageNote(item.excerpt, new ArrayList<>()))
                    .claims().add(new ClaimLink(item.claim.slug, item.claim.statement, item.stance));
        }
        List<PassageNote> passages = notes.values().stream()
                .sorted((a, b) -> Integer.compare(a.excerpt().start, b.excerpt().start)).toList();
        List<Highlights.Mark> marks = passages.stream().filter(p -> !p.excerpt().orphaned)
                .map(p -> new Highlights.Mark(p.excerpt().id, p.excerpt().start, p.excerpt().end, p.tone(),
                        String.join(" · ", p.claims().stream().map(ClaimLink::statement).distinct().toList())))
                .toList();
        List<Highlights.Paragraph> paragraphs = body == null ? List.of() : Highlights.of(body, marks);
        // editors resolve them; the candidate search is work readers' pages need not do
        List<PassageToResolve> attention = seesUnpublished ? PassageToResolve.ofDocument(document.id) : List.of();
        return new DocumentView(document, paragraphs, passages.stream().filter(p -> !p.excerpt().orphaned).toList(), attention,
                body == null ? 0 : body.length());
    }
}
