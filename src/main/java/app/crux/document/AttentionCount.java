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

    /**
     * The count, or 0 on the event loop: an error page (a 403, say) may be drawn there, where
     * nothing may wait for the database; it shows the link without its count.
     */
    public long count() {
        if (count == null) {
            count = io.vertx.core.Context.isOnEventLoopThread() ? 0 : Excerpt.needingAttentionCount();
        }
        return count;
    }
}
