package app.crux.exchange;

import app.crux.claim.Tag;
import io.quarkus.qute.TemplateExtension;

/** Addresses of the exchange routes that pages link to: {@code {tag.feedPath}} for a topic's Atom feed. */
public final class ExchangePaths {

    private ExchangePaths() {
    }

    public static String tagFeed(String tagSlug) {
        return "/tags/" + tagSlug + ".atom";
    }

    @TemplateExtension
    static String feedPath(Tag tag) {
        return tagFeed(tag.slug);
    }
}
