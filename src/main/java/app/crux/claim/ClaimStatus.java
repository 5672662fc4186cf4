package app.crux.claim;

/** Where a claim stands in curation. Only PUBLISHED claims appear on reader pages. */
public enum ClaimStatus {
    DRAFT("Draft"), PUBLISHED("Published"), MERGED("Merged"), RETRACTED("Retracted");

    public final String label;

    ClaimStatus(String label) {
        this.label = label;
    }
}
