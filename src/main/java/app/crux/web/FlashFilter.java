package app.crux.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Deletes the flash cookie once a page has been rendered with it. */
public class FlashFilter {

    @ServerResponseFilter
    public void forgetShownFlash(ContainerRequestContext request, ContainerResponseContext response) {
        boolean hadFlash = request.getCookies().containsKey(Flash.COOKIE);
        boolean setsFlash = response.getHeaders().get(HttpHeaders.SET_COOKIE) != null
                && response.getHeaders().get(HttpHeaders.SET_COOKIE).stream().anyMatch(c -> c.toString().startsWith(Flash.COOKIE + "="));
        boolean page = response.getMediaType() != null && response.getMediaType().isCompatible(MediaType.TEXT_HTML_TYPE);
        if (hadFlash && !setsFlash && page) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE,
                    new NewCookie.Builder(Flash.COOKIE).value("").path("/").maxAge(0).httpOnly(true).build());
        }
    }
}
