package app.crux.document.anchoring;

import app.crux.document.Document;
import app.crux.document.Excerpt;
import app.crux.web.BadInput;
import app.crux.web.QuoteNotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Turns a {@link Passage} into a stored {@link Excerpt} of a document, reusing an identical one. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Passages {

    public Excerpt excerpt(Document document, Passage passage) {
        if (document.citationOnly()) {
            throw new BadInput("“" + document.title + "” is a citation-only source: it has no text to quote from.");
        }
        TextAnchor.Selector selector = locate(document.body, passage);
        return Excerpt.at(document.id, selector.start(), selector.end()).orElseGet(() -> {
            Excerpt excerpt = new Excerpt();
            excerpt.document = document;
            excerpt.start = selector.start();
            excerpt.end = selector.end();
            excerpt.exact = selector.exact();
            excerpt.prefix = selector.prefix();
            excerpt.suffix = selector.suffix();
            excerpt.revision = document.currentRevision;
            excerpt.persist();
            return excerpt;
        });
    }

    public static TextAnchor.Selector locate(String text, Passage passage) {
        if (passage.byOffsets()) {
            int start = passage.start();
            int end = passage.end();
            if (start < 0 || end > text.length() || start >= end) {
                throw new BadInput("The offsets " + start + "–" + end + " are outside the text, which has "
                        + text.length() + " characters.");
            }
            // offsets sent with their quote must agree with it: the page may show an older revision
            if (!passage.byQuote() || text.substring(start, end).equals(passage.exact())) {
                try {
                    return TextAnchor.select(text, start, end);
                } catch (IllegalArgumentException e) {
                    throw new BadInput(e.getMessage());
                }
            }
        }
        if (!passage.byQuote()) {
            throw new BadInput("Say which passage: give its exact words, or start and end offsets.");
        }
        TextAnchor.Match match = TextAnchor.find(text, passage.exact(), nullToEmpty(passage.prefix()), nullToEmpty(passage.suffix()));
        return switch (match.outcome()) {
            case FOUND -> match.selector();
            case AMBIGUOUS -> throw new QuoteNotFound("Those words appear more than once in the document; "
                    + "include a few words before or after them so Crux knows which.");
            case NOT_FOUND -> throw new QuoteNotFound("Those words are not in the document. Copy them from the text as it "
                    + "appears on the document page.");
        };
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
