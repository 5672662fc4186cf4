package app.crux.reading;

import app.crux.claim.ClaimPaths;
import app.crux.claim.Claim;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The schema.org ClaimReview for a claim page's head, as JSON-LD safe to embed in a script element. */
public final class ClaimReviewJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLAIM_REVIEWED_MAX = 74;

    private ClaimReviewJson() {
    }

    /**
     * The ClaimReview, or null when there is nothing to publish: the claim is not public
     * (an editor viewing a draft or retracted claim), or no reviewer has weighed it yet —
     * "unreviewed" is not a rating search engines should show.
     */
    public static String of(ClaimView view, String baseUrl) {
        Claim claim = view.claim();
        if (!claim.status.isPublic() || view.score().verdict == app.crux.score.Verdict.UNREVIEWED) {
            return null;
        }
        String url = baseUrl + ClaimPaths.of(claim.slug);
        Map<String, Object> rating = new LinkedHashMap<>();
        rating.put("@type", "Rating");
        rating.put("ratingValue", switch (view.score().verdict) {
            case REFUTED -> 1;
            case CONTESTED -> 2;
            case UNREVIEWED -> throw new IllegalStateException("not rated");
            case SUPPORTED -> 3;
        });
        rating.put("worstRating", 1);
        rating.put("bestRating", 3);
        rating.put("alternateName", view.score().verdict.label);
        List<Map<String, Object>> appearances = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        List<EvidenceItem> all = new ArrayList<>(view.supports());
        all.addAll(view.conflicts());
        for (EvidenceItem e : all) {
            if (seen.add(e.document().id())) {
                Map<String, Object> work = new LinkedHashMap<>();
                work.put("@type", "CreativeWork");
                work.put("name", e.document().title());
                if (e.document().url() != null) {
                    work.put("url", e.document().url());
                }
                appearances.add(work);
            }
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("@type", "Claim");
        item.put("name", claim.statement);
        item.put("appearance", appearances);
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("@context", "https://schema.org");
        review.put("@type", "ClaimReview");
        review.put("url", url);
        review.put("claimReviewed", shorten(claim.statement));
        review.put("reviewRating", rating);
        // ordered like every other object here: Map.of's order changes from one JVM to the next, and with it the page's bytes
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("@type", "Organization");
        author.put("name", "Crux");
        author.put("url", baseUrl + "/");
        review.put("author", author);
        review.put("datePublished", claim.createdAt.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        review.put("itemReviewed", item);
        try {
            // "</script>" inside a string must not end the element: escape every '<'
            return JSON.writeValueAsString(review).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Google asks for claimReviewed under 75 characters. */
    static String shorten(String statement) {
        if (statement.length() <= CLAIM_REVIEWED_MAX) {
            return statement;
        }
        String cut = statement.substring(0, CLAIM_REVIEWED_MAX - 1);
        int space = cut.lastIndexOf(' ');
        return (space > 40 ? cut.substring(0, space) : cut) + "…";
    }
}
