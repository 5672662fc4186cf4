package app.crux.web;

/** Page numbers for lists: 1-based for people, 0-based for queries. */
public record Paging(int number, int size, long total) {

    public static Paging of(Integer requested, int size, long total) {
        int last = (int) Math.max(1, (total + size - 1) / size);
        int number = requested == null || requested < 1 ? 1 : Math.min(requested, last);
        return new Paging(number, size, total);
    }

    /** A list's address with its filter, ready for {@code page=N} to be appended. */
    public static String base(String path, String filterName, String filter) {
        if (filter == null || filter.isBlank()) {
            return path + "?";
        }
        return path + "?" + filterName + "=" + java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8) + "&";
    }

    public int index() {
        return number - 1;
    }

    public int last() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < last();
    }

    public int previous() {
        return number - 1;
    }

    public int next() {
        return number + 1;
    }

    public long firstShown() {
        return total == 0 ? 0 : (long) index() * size + 1;
    }

    public long lastShown() {
        return Math.min(total, (long) number * size);
    }
}
