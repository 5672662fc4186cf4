package app.crux.search;

import io.quarkus.qute.RawString;

/**
 * A search snippet: stored text HTML-escaped first, then the match markers turned
 * into {@code <mark>}, so nothing from a document is ever rendered as markup.
 */
public record Snippet(String html) {

    static Snippet marked(String text, String start, String stop) {
        String escaped = escape(text == null ? "" : text.replaceAll("\\s+", " ").strip());
        return new Snippet(escaped.replace(start, "<mark>").replace(stop, "</mark>"));
    }

    public RawString raw() {
        return new RawString(html);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return html;
    }
}
