package app.crux.score;

/**
 * How strongly a passage bears on its claim, adapted from GRADE's certainty levels
 * (which rate a body of evidence) to a single passage and a single claim.
 */
public enum Strength {
    HIGH(4, "High", "The passage reports direct, well-conducted evidence on exactly this claim; more research is unlikely to change it."),
    MODERATE(3, "Moderate", "The passage bears on the claim with good evidence, but with limits — indirect population, small study, some risk of bias."),
    LOW(2, "Low", "The passage gives weak or indirect support: observation, anecdote from practice, or a study of something related."),
    VERY_LOW(1, "Very low", "The passage is assertion or opinion; the claim could easily be wrong whatever it says.");

    public final int score;
    public final String label;
    public final String definition;

    Strength(int score, String label, String definition) {
        this.score = score;
        this.label = label;
        this.definition = definition;
    }

    /** The key that picks this level in the review queue (4 = high … 1 = very low). */
    public String key() {
        return String.valueOf(score);
    }
}
