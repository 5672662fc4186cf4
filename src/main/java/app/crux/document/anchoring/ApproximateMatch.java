package app.crux.document.anchoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Approximate search (Sellers' dynamic programme): every place where a pattern occurs
 * with at most {@code budget} edits, each as {start, end, errors}, best of each cluster.
 * O(text × pattern) time, O(pattern) memory.
 */
final class ApproximateMatch {

    /** Beyond this much work (a very long quote in a very long text) the passage is reported lost instead. */
    private static final long MAX_CELLS = 200_000_000L;

    private ApproximateMatch() {
    }

    static List<int[]> find(String text, String pattern, int budget) {
        int m = pattern.length();
        List<int[]> hits = new ArrayList<>();
        if (m == 0 || (long) m * text.length() > MAX_CELLS) {
            return hits;
        }
        int[] cost = new int[m + 1];
        int[] start = new int[m + 1];
        for (int i = 0; i <= m; i++) {
            cost[i] = i;
        }
        int[] previousCost = new int[m + 1];
        int[] previousStart = new int[m + 1];
        for (int j = 1; j <= text.length(); j++) {
            System.arraycopy(cost, 0, previousCost, 0, m + 1);
            System.arraycopy(start, 0, previousStart, 0, m + 1);
            char c = text.charAt(j - 1);
            cost[0] = 0;
            start[0] = j;
            for (int i = 1; i <= m; i++) {
                int substitute = previousCost[i - 1] + (pattern.charAt(i - 1) == c ? 0 : 1);
                int skipText = previousCost[i] + 1;
                int skipPattern = cost[i - 1] + 1;
                if (substitute <= skipText && substitute <= skipPattern) {
                    cost[i] = substitute;
                    start[i] = i == 1 ? j - 1 : previousStart[i - 1];
                } else if (skipPattern <= skipText) {
                    cost[i] = skipPattern;
                    start[i] = start[i - 1];
                } else {
                    cost[i] = skipText;
                    start[i] = previousStart[i];
                }
            }
            if (cost[m] <= budget) {
                int[] hit = {start[m], j, cost[m]};
                int[] last = hits.isEmpty() ? null : hits.get(hits.size() - 1);
                if (last != null && hit[0] < last[1]) {
                    if (hit[2] < last[2] || (hit[2] == last[2] && hit[1] - hit[0] <= m && last[1] - last[0] < m)) {
                        hits.set(hits.size() - 1, hit);
                    }
                } else {
                    hits.add(hit);
                }
            }
        }
        return hits;
    }

    /** Levenshtein distance, for the short prefix and suffix comparisons. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
