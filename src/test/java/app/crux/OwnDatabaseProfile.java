package app.crux;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/**
 * A test profile whose Quarkus runs on a fresh embedded database of its own instead of the one every
 * other test shares: for tests that need an empty database or must not leave rows behind.
 * Subclasses add their configuration.
 */
public abstract class OwnDatabaseProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EmbeddedPostgresResource.class));
    }

    /** Only the database above: not the shared one. */
    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
