package app.crux.reading;

import app.crux.claim.Claim;
import app.crux.score.ClaimScore;
import app.crux.evidence.Evidence;
import app.crux.evidence.Stance;
import app.crux.review.Votes;

import java.util.List;

/** A claim with its score, its evidence on each side (strongest first) and the votes on it; four queries. */
public record ClaimView(Claim claim, ClaimScore score, List<Evidence> supports, List<Evidence> conflicts, Votes.OnClaim votes) {

    public static ClaimView of(Claim claim) {
        List<Evidence> evidence = Evidence.forClaim(claim.id);
        ClaimScore score = ClaimScore.findById(claim.id);
        if (score == null) {
            score = new ClaimScore();
        }
        return new ClaimView(claim, score,
                evidence.stream().filter(e -> e.stance == Stance.SUPPORTS).toList(),
                evidence.stream().filter(e -> e.stance == Stance.CONFLICTS).toList(), Votes.onClaim(claim.id));
    }

    public String tagText() {
        return String.join(", ", claim.tagNames());
    }
}
