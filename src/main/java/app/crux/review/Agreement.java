package app.crux.review;

import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Krippendorff's alpha with the ordinal metric: how far reviewers agree beyond
 * chance, 1 = perfectly, 0 = no better than chance. Units are evidence items, values
 * the strength scores; items rated by fewer than two reviewers do not count. Empty
 * when undefined (fewer than two pairable ratings, or no variation at all).
 */
public final class Agreement {

    private Agreement() {
    }

    /** @param units each unit's values (one per rater who rated it) */
    public static OptionalDouble ordinalAlpha(List<List<Integer>> units) {
        TreeSet<Integer> values = new TreeSet<>();
        units.forEach(values::addAll);
        TreeMap<Integer, Integer> index = new TreeMap<>();
        for (int v : values) {
            index.put(v, index.size());
        }
        int k = index.size();
        double[][] coincidences = new double[k][k];
        for (List<Integer> unit : units) {
            int m = unit.size();
            if (m < 2) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        coincidences[index.get(unit.get(i))][index.get(unit.get(j))] += 1.0 / (m - 1);
                    }
                }
            }
        }
        double[] totals = new double[k];
        double n = 0;
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                totals[c] += coincidences[c][d];
            }
            n += totals[c];
        }
        if (n <= 1) {
            return OptionalDouble.empty();
        }
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                double delta = ordinalDistance(totals, c, d);
                observed += coincidences[c][d] * delta;
                expected += totals[c] * totals[d] * delta;
            }
        }
        if (expected == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(1 - (n - 1) * observed / expected);
    }

    /** δ²(c, d) = (Σ_{g=c..d} n_g − (n_c + n_d) / 2)², over the values in rank order. */
    private static double ordinalDistance(double[] totals, int c, int d) {
        if (c == d) {
            return 0;
        }
        int low = Math.min(c, d);
        int high = Math.max(c, d);
        double sum = 0;
        for (int g = low; g <= high; g++) {
            sum += totals[g];
        }
        double distance = sum - (totals[low] + totals[high]) / 2;
        return distance * distance;
    }
}
