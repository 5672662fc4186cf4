package app.crux.startup;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The banner names an external database by its URL, never with its password. */
class StartupBannerTest {

    @Test
    void aJdbcUrlIsLoggedWithoutItsPassword() {
        assertEquals("jdbc:postgresql://db:5432/crux?user=crux&password=***&ssl=true",
                StartupBanner.withoutPassword("jdbc:postgresql://db:5432/crux?user=crux&password=s3cret&ssl=true"));
        assertEquals("jdbc:postgresql://crux:***@db/crux", StartupBanner.withoutPassword("jdbc:postgresql://crux:s3cret@db/crux"));
        assertEquals("jdbc:postgresql://db/crux", StartupBanner.withoutPassword("jdbc:postgresql://db/crux"));
    }
}
