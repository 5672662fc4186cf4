package app.crux.web;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of an /api list: {@code ?page=} (1-based) and {@code ?size=} (1 to {@link #MAX_SIZE}),
 * anything else refused with 400. The list stays a JSON array (clients and older tests read it as
 * one); the total travels in {@code X-Total-Count} and the neighbours in a {@code Link} header. A ranking
 * is not counted ({@link #answerUncounted}): the operation says so with {@link #UNCOUNTED}.
 */
public record ApiPage(int number, int size) {

    public static final int MAX_SIZE = 100;

    /**
     * The OpenAPI extension an uncounted list's operation carries ({@code @Extension(name = ApiPage.UNCOUNTED,
     * value = "true")}): its description then names no {@code X-Total-Count} and no last page.
     */
    public static final String UNCOUNTED = "x-uncounted";

    public static ApiPage of(Integer page, Integer size, int defaultSize) {
        int number = page == null ? 1 : page;
        int rows = size == null ? defaultSize : size;
        List<String> problems = new ArrayList<>();
        if (number < 1) {
            problems.add("page: from 1");
        }
        if (rows < 1 || rows > MAX_SIZE) {
            problems.add("size: from 1 to " + MAX_SIZE);
        }
        if (!problems.isEmpty()) {
            throw new BadInput("Pages are numbered from 1 and hold 1 to " + MAX_SIZE + " items.", problems);
        }
        return new ApiPage(number, rows);
    }

    /** Rows before this page; a page number beyond any list (an overflowing product) is past the end, not negative. */
    public int offset() {
        return NextPaging.offset(number, size);
    }

    /** The items with {@code X-Total-Count} and {@code Link} (first, prev, next, last; RFC 8288). */
    public <T> RestResponse<List<T>> answer(List<T> items, long total, UriInfo uri) {
        int last = (int) Math.max(1, (total + size - 1) / size);
        List<String> links = new ArrayList<>();
        links.add(link(uri, 1, "first"));
        if (number > 1) {
            links.add(link(uri, Math.min(number - 1, last), "prev"));
        }
        if (number < last) {
            links.add(link(uri, number + 1, "next"));
        }
        links.add(link(uri, last, "last"));
        return RestResponse.ResponseBuilder.ok(items).header("X-Total-Count", total)
                .header("Link", String.join(", ", links)).build();
    }

    /**
     * The items of a list too long to count on every request (the contested ranking: a count reads all of it):
     * the caller reads {@code size + 1} rows from {@link #offset}, and the extra row, left out here, says that a
     * next page exists. {@code Link} names the first, previous and next pages; there is no total and no last page.
     */
    public <T> RestResponse<List<T>> answerUncounted(List<T> readOneMore, UriInfo uri) {
        boolean more = NextPaging.of(number, size, readOneMore).hasNext();
        List<String> links = new ArrayList<>();
        links.add(link(uri, 1, "first"));
        if (number > 1) {
            links.add(link(uri, number - 1, "prev"));
        }
        if (more) {
            links.add(link(uri, number + 1, "next"));
        }
        return RestResponse.ResponseBuilder.ok(NextPaging.shown(readOneMore, size))
                .header("Link", String.join(", ", links)).build();
    }

    private String link(UriInfo uri, int page, String rel) {
        // a relative address: behind the proxy the host seen here is not the one the client used
        var target = uri.getRequestUriBuilder().replaceQueryParam("page", page).replaceQueryParam("size", size).build();
        String query = target.getRawQuery();
        return "<" + target.getRawPath() + (query == null ? "" : "?" + query) + ">; rel=\"" + rel + "\"";
    }
}
