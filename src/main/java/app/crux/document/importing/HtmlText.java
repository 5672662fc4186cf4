package app.crux.document.importing;

import app.crux.document.anchoring.TextNormalizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.Comparator;
import java.util.Set;

/**
 * Web pages to plain text with paragraphs (jsoup). Scripts, styles, navigation, page
 * chrome and hidden parts are dropped; the article (or main content) is preferred; what
 * is left is cleaned with a {@link Safelist} down to text structure and flattened to
 * plain text. Nothing from the page is ever rendered as HTML, so no markup, attribute
 * or link target can reach an editor's browser.
 */
public final class HtmlText {

    public record Extracted(String title, String text) {
    }

    private static final int TITLE_MAX = 300;
    private static final String DROPPED = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, "
            + "template, object, embed, canvas, dialog, [hidden], [aria-hidden=true], [role=navigation], [role=banner], "
            + "[role=contentinfo], [style~=(?i)display\\s*:\\s*none], [style~=(?i)visibility\\s*:\\s*hidden]";
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "pre", "ul", "ol", "table", "dl", "figure", "figcaption", "hr", "address", "details");
    private static final Set<String> LINES = Set.of("tr", "dt", "dd", "summary", "caption");
    /** Only text-bearing structure survives; links and images go, since only their text matters. */
    private static final Safelist STRUCTURE = Safelist.relaxed()
            .removeTags("a", "img", "col", "colgroup")
            .addTags("main", "article", "section", "figure", "figcaption", "hr", "address", "details", "summary");

    private HtmlText() {
    }

    public static Extracted fromHtml(String html, String baseUri) {
        Document page = Jsoup.parse(html == null ? "" : html, baseUri == null ? "" : baseUri);
        String title = title(page);
        page.select(DROPPED).remove();
        Document dirty = Document.createShell(page.location());
        dirty.body().appendChildren(content(page).childNodesCopy());
        Document clean = new Cleaner(STRUCTURE).clean(dirty);
        ParagraphWriter writer = new ParagraphWriter();
        walk(clean.body(), writer, false);
        return new Extracted(title, TextNormalizer.normalize(writer.text()));
    }

    /** The longest article, else main, else the body: teasers for other articles are usually shorter. */
    private static Element content(Document page) {
        Element article = page.select("article").stream()
                .max(Comparator.comparingInt(a -> a.text().length())).orElse(null);
        if (article != null && !article.text().isBlank()) {
            return article;
        }
        Element main = page.selectFirst("main, [role=main]");
        return main != null && !main.text().isBlank() ? main : page.body();
    }

    /** &lt;title&gt;, then og:title, then the first h1; whitespace-collapsed and capped. */
    private static String title(Document page) {
        String title = page.title();
        if (title.isBlank()) {
            Element og = page.selectFirst("meta[property=og:title]");
            title = og == null ? "" : og.attr("content");
        }
        if (title.isBlank()) {
            Element h1 = page.selectFirst("h1");
            title = h1 == null ? "" : h1.text();
        }
        title = TextNormalizer.normalize(title).replaceAll("\\s+", " ").strip();
        if (title.isEmpty()) {
            return null;
        }
        return title.length() <= TITLE_MAX ? title : title.substring(0, TITLE_MAX).strip();
    }

    private static void walk(Node node, ParagraphWriter out, boolean pre) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                if (pre) {
                    out.preformatted(text.getWholeText());
                } else {
                    out.words(text.getWholeText());
                }
            } else if (child instanceof Element element) {
                element(element, out, pre);
            }
        }
    }

    private static void element(Element element, ParagraphWriter out, boolean pre) {
        String tag = element.normalName();
        if (tag.equals("br")) {
            out.hardBreak();
            return;
        }
        boolean block = BLOCKS.contains(tag);
        boolean line = LINES.contains(tag);
        if (tag.equals("li")) {
            out.enterItem();
            walk(element, out, pre);
            out.leaveItem();
            return;
        }
        if (block) {
            out.paragraphBreak();
        } else if (line) {
            out.lineBreak();
        }
        if (tag.equals("td") || tag.equals("th")) {
            out.words(" "); // cells of a row stay on one line, separated
        }
        walk(element, out, pre || tag.equals("pre"));
        if (block) {
            out.paragraphBreak();
        } else if (line) {
            out.lineBreak();
        } else if (tag.equals("td") || tag.equals("th")) {
            out.words(" ");
        }
    }
}
