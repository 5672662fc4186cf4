package app.crux.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.BlockingOperationControl;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.nio.charset.StandardCharsets;

/**
 * Pages leave as bytes the JDK encoded. Left a String, a page is encoded into the response buffer by
 * Netty one character at a time, which was an eighth of the claim page's CPU under load (bench/README.md);
 * {@code String.getBytes} does the same work in bulk. A template not yet rendered is rendered here when the
 * thread may block (every page resource is {@code @Blocking}); otherwise Qute's own filter renders it.
 */
public class HtmlBytes {

    @ServerResponseFilter
    public void encode(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null || !type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            return;
        }
        Object entity = response.getEntity();
        String page;
        if (entity instanceof String text) {
            page = text;
        } else if (entity instanceof TemplateInstance template && BlockingOperationControl.isBlockingAllowed()) {
            page = template.render();
        } else {
            return;
        }
        response.setEntity(page.getBytes(StandardCharsets.UTF_8), null, HtmlPage.TYPE);
    }
}
