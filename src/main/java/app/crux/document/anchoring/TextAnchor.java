package app.crux.document.anchoring;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a passage is in a text, and where it went after the text was revised.
 * A passage is anchored the way the W3C Web Annotation model does it: a position
 * (start, end offsets) plus a quote (exact words, 32 characters before and after).
 * Re-anchoring follows Hypothesis: carry the position through the diff of the two
 * texts, verify it against the quote; else search the quote exactly, then
 * approximately (an error budget of a quarter of its length), scoring candidates on
 * quote, prefix, suffix and closeness to the old position, weighted 50 : 20 : 20 : 2.
 */
public final class TextAnchor {

    public static final int CONTEXT = 32;
    /** Below this length an approximate match is as likely to be chance as the passage. */
    private static final int MIN_FUZZY_LENGTH = 8;
    private static final double QUOTE_WEIGHT = 50;
    private static final double PREFIX_WEIGHT = 20;
    private static final double SUFFIX_WEIGHT = 20;
    private static final double POSITION_WEIGHT = 2;
    /** Work allowed for one {@link #candidate} search (quote length × text length), a few milliseconds. */
    private static final long CANDIDATE_CELLS = 20_000_000L;

    public record Selector(int start, int end, String exact, String prefix, String suffix) {
    }

    public enum Outcome { FOUND, NOT_FOUND, AMBIGUOUS }

    public record Match(Outcome outcome, Selector selector) {
    }

    public enum Status { KEPT, CHANGED, ORPHANED }

    public record Reanchored(Status status, Selector selector) {
    }

    private TextAnchor() {
    }

    public static Selector select(String text, int start, int end) {
        if (start < 0 || end > text.length() || start >= end) {
            throw new IllegalArgumentException("The offsets " + start + "–" + end + " are outside the text (" + text.length()
                    + " characters) or empty.");
        }
        String exact = text.substring(start, end);
        if (exact.isBlank()) {
            throw new IllegalArgumentException("The selection holds only spaces or line breaks.");
        }
        return new Selector(start, end, exact, text.substring(Math.max(0, start - CONTEXT), start),
                text.substring(end, Math.min(text.length(), end + CONTEXT)));
    }

    /** Finds a quote: exactly first, then ignoring case and runs of whitespace; context settles repeats. */
    public static Match find(String text, String exact, String prefix, String suffix) {
        String quote = exact == null ? "" : exact.strip();
        if (quote.isEmpty()) {
            return new Match(Outcome.NOT_FOUND, null);
        }
        List<int[]> hits = new ArrayList<>();
        for (int at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
            hits.add(new int[] {at, at + quote.length()});
        }
        if (hits.isEmpty()) {
            hits = Folded.of(text).find(quote);
        }
        if (hits.isEmpty()) {
            return new Match(Outcome.NOT_FOUND, null);
        }
        if (hits.size() == 1) {
            return new Match(Outcome.FOUND, select(text, hits.get(0)[0], hits.get(0)[1]));
        }
        int best = -1;
        double bestScore = -1;
        boolean tie = false;
        for (int i = 0; i < hits.size(); i++) {
            double score = contextScore(text, hits.get(i)[0], hits.get(i)[1], prefix, suffix);
            if (score > bestScore + 1e-9) {
                best = i;
                bestScore = score;
                tie = false;
            } else if (Math.abs(score - bestScore) <= 1e-9) {
                tie = true;
            }
        }
        if (tie || bestScore <= 0) {
            return new Match(Outcome.AMBIGUOUS, null);
        }
        return new Match(Outcome.FOUND, select(text, hits.get(best)[0], hits.get(best)[1]));
    }

    /** Where {@code old} (a selector into {@code oldText}) is in {@code newText}, if anywhere. */
    public static Reanchored reanchor(String oldText, String newText, Selector old) {
        Integer mapped = null;
        if (old.end() <= oldText.length() && oldText.substring(old.start(), old.end()).equals(old.exact())) {
            int[] carried = LineMap.carry(oldText, newText, old.start(), old.end());
            if (carried != null) {
                mapped = carried[0];
                if (carried[1] <= newText.length() && newText.substring(carried[0], carried[1]).equals(old.exact())) {
                    return new Reanchored(Status.KEPT, select(newText, carried[0], carried[1]));
                }
            }
        }
        double expected = mapped != null ? mapped
                : oldText.isEmpty() ? 0 : (double) old.start() * newText.length() / Math.max(1, oldText.length());
        List<int[]> exactHits = new ArrayList<>();
        for (int at = newText.indexOf(old.exact()); at >= 0; at = newText.indexOf(old.exact(), at + 1)) {
            exactHits.add(new int[] {at, at + old.exact().length(), 0});
        }
        if (!exactHits.isEmpty()) {
            int[] best = best(newText, exactHits, old, expected);
            return new Reanchored(Status.KEPT, select(newText, best[0], best[1]));
        }
        if (old.exact().length() < MIN_FUZZY_LENGTH) {
            return new Reanchored(Status.ORPHANED, null);
        }
        int budget = Math.max(1, old.exact().length() / 4);
        List<int[]> fuzzyHits = ApproximateMatch.find(newText, old.exact(), budget);
        if (fuzzyHits.isEmpty()) {
            return new Reanchored(Status.ORPHANED, null);
        }
        int[] best = best(newText, fuzzyHits, old, expected);
        if (newText.substring(best[0], best[1]).isBlank()) {
            return new Reanchored(Status.ORPHANED, null);
        }
        Selector found = select(newText, best[0], best[1]);
        return new Reanchored(found.exact().equals(old.exact()) ? Status.KEPT : Status.CHANGED, found);
    }

    /**
     * The closest wording to a lost passage in {@code text}, for an editor to confirm: searched more
     * loosely than re-anchoring (half the quote may differ), scored the same way. Null when nothing
     * comes that near, or when the search would cost more than a page view should (a long quote in
     * a long text): pages list many passages, and the editor can still select by hand.
     */
    public static Selector candidate(String text, Selector old) {
        String quote = old.exact();
        if (text == null || quote.length() < MIN_FUZZY_LENGTH || (long) quote.length() * text.length() > CANDIDATE_CELLS) {
            return null;
        }
        List<int[]> hits = ApproximateMatch.find(text, quote, Math.max(1, quote.length() / 2));
        if (hits.isEmpty()) {
            return null;
        }
        int[] best = best(text, hits, old, Math.min(old.start(), text.length()));
        return text.substring(best[0], best[1]).isBlank() ? null : select(text, best[0], best[1]);
    }

    /** The candidate {start, end, errors} with the best Hypothesis-style score. */
    private static int[] best(String text, List<int[]> candidates, Selector old, double expected) {
        int[] best = candidates.get(0);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int[] c : candidates) {
            double quote = 1 - (double) c[2] / Math.max(1, old.exact().length());
            double prefix = similarity(old.prefix(), text.substring(Math.max(0, c[0] - old.prefix().length()), c[0]));
            double suffix = similarity(old.suffix(), text.substring(c[1], Math.min(text.length(), c[1] + old.suffix().length())));
            double position = 1 - Math.min(1, Math.abs(c[0] - expected) / Math.max(1, text.length()));
            double score = QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position;
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    private static double contextScore(String text, int start, int end, String prefix, String suffix) {
        double score = 0;
        if (prefix != null && !prefix.isBlank()) {
            String before = text.substring(Math.max(0, start - prefix.length()), start);
            score += similarity(Folded.fold(prefix), Folded.fold(before));
        }
        if (suffix != null && !suffix.isBlank()) {
            String after = text.substring(end, Math.min(text.length(), end + suffix.length()));
            score += similarity(Folded.fold(suffix), Folded.fold(after));
        }
        return score;
    }

    /** 1 for equal strings, falling to 0 as edits approach the longer length. */
    static double similarity(String a, String b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        return 1 - (double) ApproximateMatch.distance(a, b) / Math.max(a.length(), b.length());
    }

    /** Carries offsets through a line diff: a position on an unchanged line keeps its column. */
    static final class LineMap {

        private LineMap() {
        }

        static int[] carry(String oldText, String newText, int start, int end) {
            List<String> oldLines = lines(oldText);
            List<String> newLines = lines(newText);
            int[] oldToNew = new int[oldLines.size()];
            Arrays.fill(oldToNew, -1);
            int o = 0;
            int n = 0;
            for (AbstractDelta<String> delta : DiffUtils.diff(oldLines, newLines).getDeltas()) {
                while (o < delta.getSource().getPosition()) {
                    oldToNew[o++] = n++;
                }
                o += delta.getSource().size();
                n += delta.getTarget().size();
            }
            while (o < oldLines.size()) {
                oldToNew[o++] = n++;
            }
            Integer newStart = carry(oldLines, newLines, oldToNew, start);
            Integer newLast = carry(oldLines, newLines, oldToNew, end - 1);
            return newStart == null || newLast == null || newLast < newStart ? null : new int[] {newStart, newLast + 1};
        }

        private static Integer carry(List<String> oldLines, List<String> newLines, int[] oldToNew, int offset) {
            int line = 0;
            int lineStart = 0;
            while (line < oldLines.size() && lineStart + oldLines.get(line).length() <= offset) {
                lineStart += oldLines.get(line).length();
                line++;
            }
            if (line >= oldLines.size() || oldToNew[line] < 0) {
                return null;
            }
            int newLineStart = 0;
            for (int i = 0; i < oldToNew[line]; i++) {
                newLineStart += newLines.get(i).length();
            }
            return newLineStart + offset - lineStart;
        }

        /** Lines with their line breaks, so lengths add up to offsets. */
        private static List<String> lines(String text) {
            List<String> lines = new ArrayList<>();
            int from = 0;
            for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', from)) {
                lines.add(text.substring(from, at + 1));
                from = at + 1;
            }
            if (from < text.length()) {
                lines.add(text.substring(from));
            }
            return lines;
        }
    }
}
