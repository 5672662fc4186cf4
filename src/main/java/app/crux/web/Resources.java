package app.crux.web;

import java.util.Set;

/**
 * What kind of resource a request matched. JSON API resources are the classes named
 * {@code ...Api} (all under {@code /api}, checked by a test); everything else is a page.
 * Misreading an API class as a page fails closed: page writes need a form and its CSRF token.
 */
public final class Resources {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private Resources() {
    }

    public static boolean isApi(Class<?> resource) {
        return resource.getSimpleName().endsWith("Api");
    }

    public static boolean isWrite(String method) {
        return !READS.contains(method);
    }
}
