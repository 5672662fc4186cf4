package app.crux.exchange;

import io.quarkus.qute.TemplateExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code {value.urlEncode}} in templates: the search page's feed link carries the query. */
@TemplateExtension
public final class FeedLinks {

    private FeedLinks() {
    }

    static String urlEncode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
