package app.crux.document;

/**
 * Fired synchronously inside the transaction that retires a passage: the source no longer says it, so the
 * evidence feature (which sits above documents) detaches every live item quoting it, recomputing the claims'
 * scores and auditing each, before the retirement commits.
 */
public record PassageRetired(long excerptId) {
}
