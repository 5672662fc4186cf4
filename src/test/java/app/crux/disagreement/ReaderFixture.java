package app.crux.disagreement;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * A small disputed corpus built through the API: two documents, one claim with two
 * supporting passages from the first and two conflicting ones from the second,
 * rated so that weights are 4 and 2 on one side, 2 and 1 on the other.
 */
final class ReaderFixture {

    static final String SUPPORT_STRONG = "Daily hamstring stretching improved sit-and-reach scores within six weeks.";
    static final String SUPPORT_WEAK = "Stretching after runs is something many coaches recommend.";
    static final String CONFLICT_MEDIUM = "Injury rates were the same whether or not runners stretched.";
    static final String CONFLICT_WEAK = "Some runners feel stretching changes nothing.";

    final Map<String, Object> first;
    final Map<String, Object> second;
    final Map<String, Object> claim;
    final String tag;
    final String unique;

    ReaderFixture() {
        this(null);
    }

    /** The fixture's claim under {@code tag}, or under a tag of its own when null. */
    ReaderFixture(String tag) {
        unique = String.valueOf(System.nanoTime());
        this.tag = tag == null ? "fixture-" + unique : tag;
        first = TestApi.importText("Stretching works " + unique, "Flexibility report " + unique + "\n\n" + SUPPORT_STRONG
                + "\n\n" + SUPPORT_WEAK);
        second = TestApi.importText("Stretching is overrated " + unique, "Running club notes " + unique + "\n\n" + CONFLICT_MEDIUM
                + "\n\n" + CONFLICT_WEAK);
        Map<String, Object> body = new HashMap<>();
        body.put("statement", "Regular hamstring stretching benefits runners " + unique);
        body.put("tags", List.of(this.tag));
        body.put("source", Map.of("documentId", first.get("id"), "exact", SUPPORT_STRONG, "outcome", "flexibility"));
        claim = TestApi.asEditor().body(body).post("/api/claims").then().statusCode(201).extract().as(Map.class);
        long supportStrong = ((Number) ((Map<?, ?>) claim.get("evidence")).get("id")).longValue();
        long supportWeak = attach(first, "SUPPORTS", SUPPORT_WEAK, "flexibility");
        long conflictMedium = attach(second, "CONFLICTS", CONFLICT_MEDIUM, "injury rate");
        long conflictWeak = attach(second, "CONFLICTS", CONFLICT_WEAK, "injury rate");
        String reviewer = TestAccounts.token(TestAccounts.create("fixture-reviewer", Role.REVIEWER));
        vote(reviewer, supportStrong, "HIGH");
        vote(reviewer, supportWeak, "LOW");
        vote(reviewer, conflictMedium, "LOW");
        vote(reviewer, conflictWeak, "VERY_LOW");
    }

    String claimSlug() {
        return (String) claim.get("slug");
    }

    long claimId() {
        return ((Number) claim.get("id")).longValue();
    }

    long attach(Map<String, Object> document, String stance, String exact, String outcome) {
        return TestApi.asEditor().body(Map.of("documentId", document.get("id"), "stance", stance, "exact", exact, "outcome", outcome))
                .post("/api/claims/" + claim.get("id") + "/evidence").then().statusCode(201).extract().<Number>path("id").longValue();
    }

    static void vote(String token, long evidence, String strength) {
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(Map.of("strength", strength))
                .put("/api/evidence/" + evidence + "/vote").then().statusCode(200);
    }
}
