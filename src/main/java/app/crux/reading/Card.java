package app.crux.reading;

import app.crux.review.BlindRating;
import app.crux.review.Threads;
import app.crux.review.Votes;
import app.crux.score.Strength;
import app.crux.web.CurrentUser;
import app.crux.web.Formats;
import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;

/**
 * One evidence card of the claim page as the current viewer sees it, worked out before rendering.
 * The template only reads these values: each expression Qute evaluates costs far more than the same
 * step in Java, and a page has twenty cards (docs/decisions.md, "Templates read values from their innermost scope").
 *
 * @param before   the last words of the passage's prefix ("" without a passage)
 * @param after    the first words of its suffix
 * @param hidden   blind rating hides the item's ratings from this reviewer
 * @param bars     the tally bar's segments, HIGH first; one "none" segment when nobody has rated
 * @param tally    the ratings in words ("2 high, 1 moderate, …")
 * @param rating   the viewer may rate the item here (a reviewer, the claim open)
 * @param editing  the viewer may correct the item here (an editor, the claim open)
 * @param thread   the item's discussion as the viewer may see it, or null
 * @param back     the page the card's forms return to
 * @param scale    the strengths a rating form offers
 */
@TemplateData
public record Card(EvidenceItem e, String before, String after, String sourcePath, String historyPath, boolean context,
        boolean hidden, List<Bar> bars, String tally, List<Votes.Row> rationales, Votes.Row mine, boolean rating,
        boolean editing, Threads.Thread thread, String back, List<Strength> scale) {

    /** A segment of the tally bar, in the SVG's 0..100 coordinates. */
    @TemplateData
    public record Bar(String cssClass, int x, int width) {
    }

    private static final List<Bar> NO_RATINGS = List.of(new Bar("none", 0, 100));

    static Card of(EvidenceItem e, boolean open, Votes.OnClaim votes, BlindRating blind, Threads threads, CurrentUser viewer,
            String back) {
        List<Votes.Row> rows = votes.rows(e.id());
        Votes.Tally tally = votes.tally(e.id());
        return new Card(e, e.excerpt() == null ? "" : Formats.lastWords(e.excerpt().prefix()),
                e.excerpt() == null ? "" : Formats.firstWords(e.excerpt().suffix()), e.sourcePath(),
                ReadingPaths.evidenceHistory(e.id()), e.hasContext(), blind.hides(e.id()), bars(tally), tally.summary(), rows,
                votes.mineRow(e.id(), viewer.loggedIn() ? viewer.id() : null), open && viewer.isReviewer(),
                open && viewer.isEditor(), threads.on(e.claimId(), e.id(), open, votes), back, Votes.scale());
    }

    private static List<Bar> bars(Votes.Tally tally) {
        if (tally.total() == 0) {
            return NO_RATINGS;
        }
        List<Bar> bars = new ArrayList<>(4);
        for (Strength s : Strength.values()) {
            if (tally.count(s) > 0) {
                bars.add(new Bar("strength-" + s.key(), tally.offset(s), tally.percent(s)));
            }
        }
        return bars;
    }
}
