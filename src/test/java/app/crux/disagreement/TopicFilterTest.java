package app.crux.disagreement;

import app.crux.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The ranking pages keep their topic filter while the data's version stays the same (TopicFilter): a
 * topic appears with its first published claim and leaves with its last, on the next request, on both pages.
 */
@QuarkusTest
class TopicFilterTest {

    @Test
    void aTopicComesAndGoesWithItsPublishedClaim() {
        String topic = "Topic " + Long.toString(System.nanoTime(), 36);
        String slug = topic.toLowerCase().replace(' ', '-');
        String option = "<option value=\"" + slug + "\">" + topic + "</option>";
        for (String page : List.of("/contested", "/disagreements")) {
            given().get(page).then().statusCode(200).body(containsString("<option")).body(not(containsString(option)));
        }

        Number id = TestApi.asEditor().body(Map.of("statement", "Cold showers speed recovery " + System.nanoTime(), "tags", List.of(topic),
                "status", "PUBLISHED")).post("/api/claims").then().statusCode(201).body("status", equalTo("PUBLISHED"))
                .extract().path("id");
        for (String page : List.of("/contested", "/disagreements")) {
            given().get(page).then().statusCode(200).body(containsString(option));
            given().get(page).then().statusCode(200).body(containsString(option));   // the kept list too
        }

        TestApi.asEditor().post("/api/claims/" + id + "/retract").then().statusCode(200).body("status", equalTo("RETRACTED"));
        for (String page : List.of("/contested", "/disagreements")) {
            given().get(page).then().statusCode(200).body(containsString("<option")).body(not(containsString(option)));
        }
    }
}
