package app.crux.web;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times read on pages. Times are shown in UTC and say so, so teams in different zones agree. */
@TemplateExtension
public class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    /** Compiled once: every evidence card cuts two contexts with it. */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** The last few words of a passage's prefix, to show the quote in context. */
    public static String lastWords(String text) {
        if (text == null) {
            return "";
        }
        String[] words = SPACES.split(text, -1);
        return String.join(" ", java.util.Arrays.copyOfRange(words, Math.max(0, words.length - 7), words.length));
    }

    public static String firstWords(String text) {
        if (text == null) {
            return "";
        }
        String[] words = SPACES.split(text, -1);
        return String.join(" ", java.util.Arrays.copyOfRange(words, 0, Math.min(7, words.length)));
    }

    /** A quote cut to fit one line of a list (a select's options) or of an audit summary. */
    public static String shortQuote(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 70 ? line : line.substring(0, 69) + "…";
    }

    /** 0.4567 → "46%". */
    static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
