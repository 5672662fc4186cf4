package app.crux.document.anchoring;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Cuts a document's text into paragraphs and runs of text, each run knowing which
 * passages cover it, so overlapping passages still render as plain nested-free marks.
 * The runs concatenate back to exactly the stored text: the selection script measures
 * offsets on them.
 */
public final class Highlights {

    /** A passage to highlight, and how: {@code tone} is "supports", "conflicts" or "mixed". */
    public record Mark(long excerptId, int start, int end, String tone, String claims) {
    }

    public record Run(String text, List<Mark> marks) {
        public boolean marked() {
            return !marks.isEmpty();
        }

        public String tone() {
            String tone = marks.get(0).tone();
            for (Mark mark : marks) {
                if (!mark.tone().equals(tone)) {
                    return "mixed";
                }
            }
            return tone;
        }

        public String excerptIds() {
            return String.join(" ", marks.stream().map(m -> String.valueOf(m.excerptId())).toList());
        }

        public String claims() {
            return String.join(" · ", marks.stream().map(Mark::claims).distinct().toList());
        }

        /** The first passage's anchor, where a focused highlight points to in the margin. */
        public long firstExcerpt() {
            return marks.get(0).excerptId();
        }
    }

    public record Paragraph(int start, List<Run> runs) {
    }

    private Highlights() {
    }

    /** The text's paragraphs as {@link TextNormalizer#paragraphs} cuts them, each cut again where marks start and end. */
    public static List<Paragraph> of(String text, List<Mark> marks) {
        List<Paragraph> paragraphs = new ArrayList<>();
        for (TextNormalizer.Paragraph p : TextNormalizer.paragraphs(text)) {
            paragraphs.add(new Paragraph(p.start(), runs(text, p.start(), p.end(), marks)));
        }
        return paragraphs;
    }

    private static List<Run> runs(String text, int from, int to, List<Mark> marks) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(from, to));
        for (Mark mark : marks) {
            if (mark.start() < to && mark.end() > from) {
                cuts.add(Math.max(from, mark.start()));
                cuts.add(Math.min(to, mark.end()));
            }
        }
        List<Run> runs = new ArrayList<>();
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null && cut > previous) {
                int a = previous;
                List<Mark> covering = marks.stream().filter(m -> m.start() <= a && m.end() >= cut).toList();
                runs.add(new Run(text.substring(a, cut), covering));
            }
            previous = cut;
        }
        return runs;
    }
}
