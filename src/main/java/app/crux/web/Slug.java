package app.crux.web;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/** Stable, readable URL names made from titles and statements ("tight-hamstrings-tilt-the-pelvis"). */
public final class Slug {

    private static final int MAX_LENGTH = 60;

    private Slug() {
    }

    public static String from(String text) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH);
            int cut = slug.lastIndexOf('-');
            slug = cut > 20 ? slug.substring(0, cut) : slug.replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "untitled" : slug;
    }

    /** {@code from(text)}, or with -2, -3... appended until {@code taken} says no. */
    public static String unique(String text, Predicate<String> taken) {
        String base = from(text);
        String candidate = base;
        for (int n = 2; taken.test(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }
}
