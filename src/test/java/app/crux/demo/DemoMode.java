package app.crux.demo;

import app.crux.OwnDatabaseProfile;

import java.nio.file.Path;
import java.util.Map;

/**
 * README's first run: an empty database of its own, demo mode on (as in dev mode), a generated
 * admin password, and the log in a file so tests read the banner as a person would.
 */
public class DemoMode extends OwnDatabaseProfile {

    /** Where this run writes its log. */
    public static final Path LOG = Path.of("target", "demo-mode-" + ProcessHandle.current().pid() + ".log");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("crux.demo.load-on-empty", "true",
                "crux.admin-password", "", "%test.crux.admin-password", "",
                "quarkus.log.file.enabled", "true", "quarkus.log.file.path", LOG.toString());
    }
}
