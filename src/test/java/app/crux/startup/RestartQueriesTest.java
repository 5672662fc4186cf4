package app.crux.startup;

import app.crux.account.FirstAdmin;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The first-admin check runs on every start, before Crux is ready: it must not be HQL, whose first
 * query of a run pays Hibernate's parser warm-up (docs/operations.md "Restart time").
 */
@QuarkusTest
class RestartQueriesTest {

    @Inject
    FirstAdmin firstAdmin;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void theFirstAdminCheckOfARestartRunsNoHql() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        assertEquals(Optional.empty(), firstAdmin.ensure());
        List<String> queries = Arrays.asList(statistics.getQueries());
        assertEquals(List.of(), queries.stream().filter(q -> q.contains(" from User")).toList(), queries.toString());
    }
}
