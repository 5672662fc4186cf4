package app.crux.document;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

import java.util.Set;

/**
 * Web pages to clean text with paragraphs (jsoup). Scripts, styles, navigation,
 * headers, footers and hidden parts are dropped; what is left is cleaned with a
 * {@link Safelist} to basic structure, then flattened to plain text. Nothing from
 * the page is ever rendered as HTML.
 */
public final class HtmlText {

    public record Extracted(String title, String text) {
    }

    private static final String DROPPED = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, "
            + "template, object, embed, [hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo]";
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "ul", "ol", "table", "tr", "dl", "dt", "dd", "figure", "figcaption", "hr");
    private static final Safelist STRUCTURE = Safelist.relaxed().removeTags("a", "img", "col", "colgroup", "caption")
            .addTags("main", "article", "section");

    private HtmlText() {
    }

    public static Extracted fromHtml(String html, String baseUri) {
        Document page = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        String title = title(page);
        page.select(DROPPED).remove();
        Element content = page.selectFirst("article");
        if (content == null) {
            content = page.selectFirst("main");
        }
        if (content == null) {
            content = page.body();
        }
        Element clean = Jsoup.parseBodyFragment(Jsoup.clean(content.outerHtml(), STRUCTURE)).body();
        StringBuilder text = new StringBuilder();
        append(clean, text);
        return new Extracted(title, TextNormalizer.normalize(text.toString()));
    }

    private static String title(Document page) {
        Element og = page.selectFirst("meta[property=og:title]");
        String title = og != null ? og.attr("content") : page.title();
        if (title.isBlank()) {
            Element h1 = page.selectFirst("h1");
            title = h1 == null ? "" : h1.text();
        }
        title = title.strip().replaceAll("\\s+", " ");
        return title.isEmpty() ? null : title.length() > 300 ? title.substring(0, 300) : title;
    }

    private static void append(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                String words = text.text().replaceAll("\\s+", " ");
                char last = out.length() == 0 ? '\n' : out.charAt(out.length() - 1);
                out.append(last == '\n' || last == ' ' ? words.stripLeading() : words);
            } else if (child instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    out.append('\n');
                    continue;
                }
                boolean block = BLOCKS.contains(tag);
                if (tag.equals("li")) {
                    lineBreak(out);
                    out.append("• ");
                } else if (block) {
                    paragraphBreak(out);
                }
                if (tag.equals("td") || tag.equals("th")) {
                    out.append(' ');
                }
                append(element, out);
                if (block) {
                    paragraphBreak(out);
                } else if (tag.equals("li")) {
                    lineBreak(out);
                }
            }
        }
    }

    private static void lineBreak(StringBuilder out) {
        trimSpaces(out);
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static void paragraphBreak(StringBuilder out) {
        trimSpaces(out);
        if (out.length() > 0 && !out.toString().endsWith("\n\n")) {
            out.append(out.charAt(out.length() - 1) == '\n' ? "\n" : "\n\n");
        }
    }

    private static void trimSpaces(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }
}
