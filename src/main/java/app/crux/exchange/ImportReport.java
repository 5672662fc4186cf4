package app.crux.exchange;

import java.util.List;

/**
 * What an import did: how many records of each kind it stored, what it skipped (merge mode:
 * already there) and any claim whose recomputed score differs from the exported one.
 */
public record ImportReport(String format, String mode, Counts imported, List<String> skipped,
        List<String> scoreMismatches) {

    public record Counts(int users, int tags, int documents, int revisions, int excerpts, int claims, int evidence,
            int votes, int auditEvents) {
    }
}
