package app.crux.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * W3C Web Annotation (https://www.w3.org/TR/annotation-model/) records: an
 * AnnotationCollection whose page lists one annotation per evidence passage.
 */
public final class WebAnnotation {

    public static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    public static final String MEDIA_TYPE = "application/ld+json";

    private WebAnnotation() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Collection(@JsonProperty("@context") String context, String id, String type, String label, long total,
            Page first, String last) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page(String id, String type, String partOf, long startIndex, List<Annotation> items, String next,
            String prev) {
    }

    public record Annotation(String id, String type, String motivation, Instant created, List<Body> body, Target target) {
    }

    /** The claim's statement (describing), a link to its page (linking), the stance (tagging). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String type, String value, String format, String source, String purpose) {
    }

    public record Target(String source, List<Selector> selector) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Selector(String type, String exact, String prefix, String suffix, Integer start, Integer end) {
    }
}
