package app.crux.document;

import java.util.Arrays;
import java.util.List;

/**
 * The document details form as sent (or as stored, to start from): shown again next to its problems.
 * {@code otherUrls} is the textarea's text, one address a line.
 */
public record DetailsForm(int version, String title, String url, String otherUrls, String author, String publisher,
        String publishedOn, String kind) {

    static DetailsForm of(Document d, List<String> urls) {
        List<String> others = urls.stream().filter(u -> !u.equals(d.url)).toList();
        return new DetailsForm(d.version, d.title, d.url == null ? "" : d.url, String.join("\n", others),
                d.author == null ? "" : d.author, d.publisher == null ? "" : d.publisher,
                d.publishedOn == null ? "" : d.publishedOn.toString(), d.kind.name());
    }

    /** The textarea's addresses, one a line, blank lines left out. */
    List<String> otherUrlList() {
        return otherUrls == null ? List.of() : Arrays.stream(otherUrls.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
