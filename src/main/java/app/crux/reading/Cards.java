package app.crux.reading;

import app.crux.evidence.Evidence;
import app.crux.review.BlindRating;
import app.crux.review.Threads;
import app.crux.web.CurrentUser;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The cards of the items a {@link Reading} shows, by item: the claim page asks {@code cards.of(e)} for each. */
public record Cards(Map<Long, Card> byId) {

    static Cards of(ClaimView view, Reading reading, BlindRating blind, Threads threads, CurrentUser viewer, String back) {
        Map<Long, Card> byId = new HashMap<>();
        Stream.concat(reading.supports().stream(), reading.conflicts().stream())
                .forEach(e -> byId.put(e.id, Card.of(e, view.votes(), blind, threads, viewer, back)));
        return new Cards(byId);
    }

    public Card of(Evidence e) {
        return byId.get(e.id);
    }
}
