package app.crux.document;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed between two revisions of a text, word by word, as runs kept, inserted and deleted.
 * Paragraphs are compared first, then the words of the paragraphs that changed: a rewrite stays
 * readable (moved paragraphs do not turn into confetti) and the work stays bounded on long texts.
 */
public final class RevisionDiff {

    public enum Change { KEPT, INSERTED, DELETED }

    /** A stretch of text; paragraphs inside it are separated by a blank line, as in the stored text. */
    public record Run(Change change, String text) {
        public boolean inserted() {
            return change == Change.INSERTED;
        }

        public boolean deleted() {
            return change == Change.DELETED;
        }
    }

    /** Beyond this many words on either side, changed paragraphs are shown as removed and added whole. */
    private static final int MAX_WORDS = 4000;
    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}’']+|[^\\s\\p{L}\\p{N}]");
    private static final String PARAGRAPH_BREAK = "\n\n";

    private RevisionDiff() {
    }

    public static List<Run> of(String older, String newer) {
        List<String> a = Arrays.asList(older.split("\n\n+", -1));
        List<String> b = Arrays.asList(newer.split("\n\n+", -1));
        List<Run> runs = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            kept(runs, a.subList(position, delta.getSource().getPosition()));
            String removed = String.join(PARAGRAPH_BREAK, delta.getSource().getLines());
            String added = String.join(PARAGRAPH_BREAK, delta.getTarget().getLines());
            if (delta.getType() == DeltaType.CHANGE) {
                words(runs, removed, added);
            } else {
                add(runs, delta.getType() == DeltaType.DELETE ? Change.DELETED : Change.INSERTED, removed + added, true);
            }
            position = delta.getSource().getPosition() + delta.getSource().size();
        }
        kept(runs, a.subList(position, a.size()));
        return runs;
    }

    /** Whether the two texts differ at all (a diff of a revision with itself says so instead of listing it). */
    public static boolean changed(List<Run> runs) {
        return runs.stream().anyMatch(run -> run.change() != Change.KEPT);
    }

    private static void kept(List<Run> runs, List<String> paragraphs) {
        if (!paragraphs.isEmpty()) {
            add(runs, Change.KEPT, String.join(PARAGRAPH_BREAK, paragraphs), true);
        }
    }

    private static void words(List<Run> runs, String removed, String added) {
        List<String> a = tokens(removed);
        List<String> b = tokens(added);
        if (a.size() > MAX_WORDS || b.size() > MAX_WORDS) {
            add(runs, Change.DELETED, removed, true);
            add(runs, Change.INSERTED, added, true);
            return;
        }
        boolean first = true;
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            first = addWords(runs, Change.KEPT, a.subList(position, delta.getSource().getPosition()), first);
            first = addWords(runs, Change.DELETED, delta.getSource().getLines(), first);
            first = addWords(runs, Change.INSERTED, delta.getTarget().getLines(), first);
            position = delta.getSource().getPosition() + delta.getSource().size();
        }
        addWords(runs, Change.KEPT, a.subList(position, a.size()), first);
    }

    private static boolean addWords(List<Run> runs, Change change, List<String> tokens, boolean first) {
        if (tokens.isEmpty()) {
            return first;
        }
        add(runs, change, String.join("", tokens), first);
        return false;
    }

    /** Appends a run, joining it to the previous one of the same kind; a new paragraph starts after a blank line. */
    private static void add(List<Run> runs, Change change, String text, boolean newParagraph) {
        String piece = newParagraph && !runs.isEmpty() ? PARAGRAPH_BREAK + text : text;
        if (!runs.isEmpty() && runs.get(runs.size() - 1).change() == change) {
            Run last = runs.remove(runs.size() - 1);
            runs.add(new Run(change, last.text() + piece));
        } else {
            runs.add(new Run(change, piece));
        }
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
