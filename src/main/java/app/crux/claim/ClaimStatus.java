package app.crux.claim;

import java.util.List;

/**
 * Where a claim stands in curation. Only PUBLISHED claims are public: everyone who is
 * not an editor gets 404 for the others ({@link ClaimVisibility}). SQL read models spell
 * the same rule {@code c.status = 'PUBLISHED'}; {@code ClaimVisibilityRuleTest} pins the two together.
 */
public enum ClaimStatus {
    DRAFT("Draft"), PUBLISHED("Published"), MERGED("Merged"), RETRACTED("Retracted");

    public final String label;

    ClaimStatus(String label) {
        this.label = label;
    }

    public boolean isPublic() {
        return this == PUBLISHED;
    }

    /** Still being curated: evidence can be attached, it can be merged. */
    public boolean isOpen() {
        return this == PUBLISHED || this == DRAFT;
    }

    /** What the edit form and PATCH may set: retracting and merging are actions of their own, each audited. */
    public static List<ClaimStatus> editable() {
        return List.of(DRAFT, PUBLISHED);
    }
}
