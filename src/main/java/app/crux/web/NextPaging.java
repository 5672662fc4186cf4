package app.crux.web;

import java.util.List;

/**
 * Paging without a total: a list reads one row more than it shows, and that row says whether a next
 * page exists. A ranking page then costs the rows it shows, not a count over the whole ranking.
 */
public record NextPaging(int number, int size, boolean hasNext) {

    /** The requested page number, 1 for anything missing or below 1. */
    public static int number(Integer requested) {
        return requested == null || requested < 1 ? 1 : requested;
    }

    /** Offset of the first row of page {@code number}. */
    public static int offset(int number, int size) {
        return (int) Math.min(Integer.MAX_VALUE, (long) (number - 1) * size);
    }

    /** The rows to show: those read ({@code size + 1} asked for) without the extra one. */
    public static <T> List<T> shown(List<T> rows, int size) {
        return rows.size() > size ? rows.subList(0, size) : rows;
    }

    public static NextPaging of(int number, int size, List<?> rowsRead) {
        return new NextPaging(number, size, rowsRead.size() > size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public int previous() {
        return number - 1;
    }

    public int next() {
        return number + 1;
    }

    public long firstShown() {
        return (long) (number - 1) * size + 1;
    }
}
