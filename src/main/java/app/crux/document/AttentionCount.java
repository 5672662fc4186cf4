package app.crux.document;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * How many passages wait for an editor after revisions, for the navigation every page draws
 * ({@code inject:attention.count}, asked only for editors): one count over a partial index, read
 * once per request.
 */
@Named("attention")
@RequestScoped
public class AttentionCount {

    private Long count;

    public long count() {
        if (count == null) {
            count = Excerpt.needingAttentionCount();
        }
        return count;
    }
}
