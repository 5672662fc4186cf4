package app.crux.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A rendered page with a status other than 200: a form shown again with its problems, or an error page. */
public final class HtmlPage {

    /** text/html with its charset, so a page sent with 4xx reads the same as the one sent with 200. */
    public static final MediaType TYPE = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private HtmlPage() {
    }

    public static Response status(int status, Object page) {
        return Response.status(status).type(TYPE).entity(page).build();
    }
}
