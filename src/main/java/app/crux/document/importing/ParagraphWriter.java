package app.crux.document.importing;

/**
 * Builds plain text from a walk over cleaned HTML. Breaks are requested, not written,
 * so that nested blocks ({@code <div><p>}) give one break instead of a stack of them,
 * and a list item's bullet sticks to the first words inside it, however deeply nested.
 */
final class ParagraphWriter {

    private static final int NONE = 0;
    private static final int LINE = 1;
    private static final int PARAGRAPH = 2;

    private final StringBuilder out = new StringBuilder();
    private int pendingBreak = NONE;
    private String pendingPrefix = "";
    private int itemDepth;

    void lineBreak() {
        pendingBreak = Math.max(pendingBreak, LINE);
    }

    /** Inside a list item only a line break: {@code <li><p>} must not split the list into paragraphs. */
    void paragraphBreak() {
        pendingBreak = itemDepth > 0 ? Math.max(pendingBreak, LINE) : PARAGRAPH;
    }

    void enterItem() {
        lineBreak();
        pendingPrefix = "• ";
        itemDepth++;
    }

    void leaveItem() {
        itemDepth--;
        lineBreak();
    }

    /** A hard {@code <br>}: unlike block breaks, two in a row do leave a blank line. */
    void hardBreak() {
        if (pendingBreak == NONE) {
            pendingBreak = LINE;
        } else {
            pendingBreak = PARAGRAPH;
        }
    }

    /** Flowing text: runs of whitespace are one space, as a browser shows them. */
    void words(String text) {
        String collapsed = text.replaceAll("[ \\t\\n\\r\\f]+", " ");
        if (collapsed.isBlank()) {
            if (!collapsed.isEmpty() && pendingBreak == NONE && out.length() > 0 && !endsWithSpace()) {
                out.append(' ');
            }
            return;
        }
        boolean fresh = flush();
        if (fresh || endsWithSpace()) {
            collapsed = collapsed.stripLeading();
        }
        out.append(collapsed);
    }

    /** Preformatted text keeps its own line breaks and spacing. */
    void preformatted(String text) {
        if (text.isEmpty()) {
            return;
        }
        flush();
        out.append(text);
    }

    /** Writes pending breaks and prefix; true when the next text starts a line. */
    private boolean flush() {
        if (pendingBreak != NONE && out.length() > 0) {
            while (endsWithSpace()) {
                out.setLength(out.length() - 1);
            }
            out.append(pendingBreak == PARAGRAPH ? "\n\n" : "\n");
        }
        boolean fresh = pendingBreak != NONE || out.length() == 0;
        pendingBreak = NONE;
        if (!pendingPrefix.isEmpty()) {
            out.append(pendingPrefix);
            pendingPrefix = "";
            fresh = true;
        }
        return fresh;
    }

    private boolean endsWithSpace() {
        return out.length() > 0 && out.charAt(out.length() - 1) == ' ';
    }

    String text() {
        return out.toString();
    }
}
