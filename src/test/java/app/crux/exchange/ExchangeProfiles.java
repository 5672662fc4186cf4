package app.crux.exchange;

import app.crux.OwnDatabaseProfile;

import java.util.Map;

/**
 * A database of its own for the tests that empty it (import needs an empty database; the
 * shared test database is never emptied), started with the demo corpus as a first run is.
 */
public final class ExchangeProfiles {

    private ExchangeProfiles() {
    }

    public static class OwnDatabase extends OwnDatabaseProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crux.demo.load-on-empty", "true");
        }
    }
}
