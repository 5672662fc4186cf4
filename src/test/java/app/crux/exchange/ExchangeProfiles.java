package app.crux.exchange;

import app.crux.EmbeddedPostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * A database of its own for the tests that empty it (import needs an empty database; the
 * shared test database is never emptied), started with the demo corpus as a first run is.
 */
public final class ExchangeProfiles {

    private ExchangeProfiles() {
    }

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmbeddedPostgresResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crux.demo.load-on-empty", "true");
        }
    }
}
