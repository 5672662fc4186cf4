package app.crux.account;

import app.crux.OwnDatabaseProfile;

import java.nio.file.Path;
import java.util.Map;

/**
 * Fresh, empty databases of their own (the shared test database already has an admin),
 * started the way README's first run is: the demo corpus on. One Quarkus restart each.
 */
final class FirstAdminProfiles {

    static final String CONFIGURED_PASSWORD = "first-start-kettle-passphrase";
    /** Where the generated-password run writes its log, to read the password back as a person would. */
    static final Path GENERATED_LOG = Path.of("target", "first-admin-" + ProcessHandle.current().pid() + ".log");

    private FirstAdminProfiles() {
    }

    abstract static class FreshDatabaseWithDemo extends OwnDatabaseProfile {
    }

    public static class ConfiguredPassword extends FreshDatabaseWithDemo {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crux.demo.load-on-empty", "true",
                    "crux.admin-password", CONFIGURED_PASSWORD, "%test.crux.admin-password", CONFIGURED_PASSWORD);
        }
    }

    public static class GeneratedPassword extends FreshDatabaseWithDemo {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crux.demo.load-on-empty", "true",
                    "crux.admin-password", "", "%test.crux.admin-password", "",
                    "quarkus.log.file.enabled", "true", "quarkus.log.file.path", GENERATED_LOG.toString());
        }
    }
}
