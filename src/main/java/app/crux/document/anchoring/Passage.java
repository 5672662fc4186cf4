package app.crux.document.anchoring;

/**
 * How a client points at a passage: by offsets into the normalised text (what the
 * selection script sends), or by the quote itself, optionally with the words around it
 * (what the no-JavaScript form and API clients send).
 */
public record Passage(Integer start, Integer end, String exact, String prefix, String suffix) {

    public boolean byOffsets() {
        return start != null && end != null;
    }

    public boolean byQuote() {
        return exact != null && !exact.isBlank();
    }

    public boolean given() {
        return byOffsets() || byQuote();
    }

    public static Passage quote(String exact, String prefix, String suffix) {
        return new Passage(null, null, exact, prefix, suffix);
    }
}
