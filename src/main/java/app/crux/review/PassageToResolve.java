package app.crux.review;

import app.crux.claim.ClaimStatus;
import app.crux.document.Document;
import app.crux.document.Excerpt;
import app.crux.document.anchoring.TextAnchor;
import app.crux.evidence.Evidence;
import app.crux.evidence.Stance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A passage re-anchoring flagged, as editors resolve it: the words they quoted, the best candidate
 * in the current text and the claims the passage feeds. Read in two queries per list; the
 * candidate of an orphaned passage is searched in the current text (bounded, see TextAnchor.candidate).
 *
 * @param oldQuote the words the passage had before the revision; null when a passage was flagged
 *                 before Crux kept them (changed passages of older revisions)
 * @param candidate where the passage now seems to be, or null when nothing in the text comes near
 */
public record PassageToResolve(Excerpt excerpt, Document document, String oldQuote, Candidate candidate, List<Fed> claims) {

    /** Words of the current text with a little context either side. */
    public record Candidate(String before, String words, String after) {
        static Candidate of(TextAnchor.Selector selector) {
            return new Candidate(selector.prefix(), selector.exact(), selector.suffix());
        }
    }

    /** A claim the passage is evidence for. */
    public record Fed(String slug, String statement, Stance stance, ClaimStatus status) {
    }

    public boolean orphaned() {
        return excerpt.orphaned;
    }

    /** Every flagged passage, a page at a time, the most recently revised document first. */
    public static List<PassageToResolve> page(int index, int size) {
        return of(Excerpt.find("from Excerpt x join fetch x.document where x.orphaned = true or x.changed = true"
                + " order by x.document.updatedAt desc, x.document.id desc, x.start, x.id").page(index, size).list());
    }

    public static List<PassageToResolve> ofDocument(long documentId) {
        return of(Excerpt.list("from Excerpt x join fetch x.document where x.document.id = ?1"
                + " and (x.orphaned = true or x.changed = true) order by x.start, x.id", documentId));
    }

    private static List<PassageToResolve> of(List<Excerpt> excerpts) {
        if (excerpts.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Fed>> fed = new LinkedHashMap<>();
        List<Evidence> evidence = Evidence.list("from Evidence e join fetch e.claim where e.excerpt.id in ?1 order by e.id",
                excerpts.stream().map(x -> x.id).toList());
        for (Evidence item : evidence) {
            fed.computeIfAbsent(item.excerpt.id, id -> new ArrayList<>())
                    .add(new Fed(item.claim.slug, item.claim.statement, item.stance, item.claim.status));
        }
        return excerpts.stream().map(x -> new PassageToResolve(x, x.document, x.orphaned ? x.exact : x.previousExact,
                candidate(x), fed.getOrDefault(x.id, List.of()))).toList();
    }

    private static Candidate candidate(Excerpt excerpt) {
        var selector = new TextAnchor.Selector(excerpt.start, excerpt.end, excerpt.exact, excerpt.prefix, excerpt.suffix);
        if (!excerpt.orphaned) {
            return Candidate.of(selector);
        }
        TextAnchor.Selector found = TextAnchor.candidate(excerpt.document.body, selector);
        return found == null ? null : Candidate.of(found);
    }
}
