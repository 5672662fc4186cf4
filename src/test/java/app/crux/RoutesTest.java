package app.crux;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The route list that "every route" tests walk is read from the resources, not typed by hand. */
class RoutesTest {

    @Test
    void theRouteListHoldsPagesAndApiRoutesWithTheirInputs() {
        List<String> routes = Routes.all().stream().map(Routes.Route::toString).toList();
        assertTrue(routes.contains("POST /admin/users/{id}/roles"), routes.toString());
        assertTrue(routes.contains("PUT /api/evidence/{id}/vote"), routes.toString());
        assertTrue(routes.contains("GET /claims/{slug}"), routes.toString());
        Routes.Route vote = Routes.all().stream().filter(r -> r.toString().equals("POST /evidence/{id}/vote")).findFirst().orElseThrow();
        assertTrue(vote.inputs(Routes.Source.FORM).stream().anyMatch(i -> i.name().equals("strength")), vote.inputs().toString());
        assertTrue(vote.inputs(Routes.Source.PATH).stream().anyMatch(i -> i.name().equals("id")), vote.inputs().toString());
        assertTrue(Routes.pageWrites().stream().noneMatch(Routes.Route::api));
        assertTrue(Routes.pageWrites().size() >= 10, Routes.pageWrites().toString());
    }
}
