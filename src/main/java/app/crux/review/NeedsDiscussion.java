package app.crux.review;

import app.crux.score.Strength;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.util.List;

/**
 * When an evidence item's ratings disagree enough that its reviewers should talk, decided here
 * and nowhere else: at least two ratings, and either their strengths lie {@link #SPREAD} or more
 * levels apart (high and low, moderate and very low) or some raters dispute the stance while
 * others do not. /about/scoring states the rule from this class ({@code inject:needsDiscussion}).
 */
@Named("needsDiscussion")
@ApplicationScoped
public class NeedsDiscussion {

    /** Levels between the highest and the lowest strength that mark an item: HIGH (4) against LOW (2) is 2. */
    public static final int SPREAD = 2;

    public static boolean holds(List<Votes.Row> ratings) {
        if (ratings.size() < 2) {
            return false;
        }
        int highest = ratings.stream().mapToInt(r -> r.strength().score).max().orElse(0);
        int lowest = ratings.stream().mapToInt(r -> r.strength().score).min().orElse(0);
        long disputing = ratings.stream().filter(Votes.Row::disputesStance).count();
        return highest - lowest >= SPREAD || (disputing > 0 && disputing < ratings.size());
    }

    /** For the scoring page. */
    public int spread() {
        return SPREAD;
    }

    /** The closest pairs that already count, e.g. "high and low", for the scoring page. */
    public String example() {
        List<String> pairs = new java.util.ArrayList<>();
        for (Strength a : Strength.values()) {
            for (Strength b : Strength.values()) {
                if (a.score - b.score == SPREAD) {
                    pairs.add(a.label.toLowerCase(java.util.Locale.ROOT) + " and " + b.label.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return String.join(", ", pairs);
    }
}
