package app.crux.reading;

import app.crux.review.BlindRating;
import app.crux.review.Threads;
import app.crux.web.CurrentUser;
import io.quarkus.qute.TemplateData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The cards of the items a {@link Reading} shows, side by side and, when the sides differ on context, grouped as
 * {@link ContextDifferences#groups} groups them. The claim page loops over these lists directly: a card looked
 * up through a name outside the loop would cost Qute a search of every resolver per card.
 */
@TemplateData
public record Cards(List<Card> supports, List<Card> conflicts, List<Group> supportGroups, List<Group> conflictGroups) {

    /** A heading of one side's cards and the cards under it. */
    @TemplateData
    public record Group(String heading, List<Card> cards) {
    }

    static Cards of(ClaimView view, Reading reading, BlindRating blind, Threads threads, CurrentUser viewer, String back) {
        Map<Long, Card> byId = new HashMap<>();
        Stream.concat(reading.supports().stream(), reading.conflicts().stream())
                .forEach(e -> byId.put(e.id(), Card.of(e, view.claim().open(), view.votes(), blind, threads, viewer, back)));
        // grouped only when the page shows groups: the sides differ on some context field
        boolean grouped = reading.why().any();
        return new Cards(cards(reading.supports(), byId), cards(reading.conflicts(), byId),
                grouped ? groups(reading.why().groups(reading.supports()), byId) : List.of(),
                grouped ? groups(reading.why().groups(reading.conflicts()), byId) : List.of());
    }

    private static List<Card> cards(List<EvidenceItem> items, Map<Long, Card> byId) {
        return items.stream().map(e -> byId.get(e.id())).toList();
    }

    private static List<Group> groups(List<ContextDifferences.Group> groups, Map<Long, Card> byId) {
        return groups.stream().map(g -> new Group(g.heading(), cards(g.items(), byId))).toList();
    }
}
