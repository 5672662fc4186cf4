package app.crux;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the database for every @QuarkusTest (not restricted to one class, so the app starts once). */
@SuppressWarnings("deprecation")
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class TestDatabase {

    private TestDatabase() {
    }
}
