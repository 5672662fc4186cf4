package app.crux.document.anchoring;

import java.util.ArrayList;
import java.util.List;

/**
 * A text with case folded and each run of whitespace reduced to one space, remembering
 * where every folded character came from, so a loosely typed quote ("tight  hamstrings\nTILT")
 * is found and answered with the original text's offsets.
 */
final class Folded {

    private final String folded;
    private final int[] origin;

    private Folded(String folded, int[] origin) {
        this.folded = folded;
        this.origin = origin;
    }

    static Folded of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] origin = new int[text.length()];
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!space) {
                    origin[out.length()] = i;
                    out.append(' ');
                    space = true;
                }
            } else {
                origin[out.length()] = i;
                out.append(Character.toLowerCase(c));
                space = false;
            }
        }
        return new Folded(out.toString(), origin);
    }

    static String fold(String text) {
        return of(text).folded;
    }

    /** {start, end} in the original text of every occurrence of {@code quote}, folded alike. */
    List<int[]> find(String quote) {
        String needle = fold(quote.strip());
        List<int[]> hits = new ArrayList<>();
        if (needle.isEmpty()) {
            return hits;
        }
        for (int at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
            hits.add(new int[] {origin[at], origin[at + needle.length() - 1] + 1});
        }
        return hits;
    }
}
