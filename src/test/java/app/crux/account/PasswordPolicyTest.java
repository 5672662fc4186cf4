package app.crux.account;

import app.crux.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which passwords are accepted, and the reasons given for the others. */
@QuarkusTest
class PasswordPolicyTest {

    @ParameterizedTest(name = "{0} may use \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ed          | Long-pass-phrase-editor
            ed          | ed-walks-the-long-coast
            edwina      | edwinas-kettle-lantern
            bob         | bob-carries-the-orbit
            newcomer    | plenty-long-test-passphrase
            newcomer    | test-root-passphrase-42
            newcomer    | choose-a-long-passphrase
            newcomer    | a-brand-new-passphrase
            newcomer    | fresh-account-passphrase
            bench-voter | bench-ballot-passphrase
            newcomer    | bench-root-passphrase
            newcomer    | correct horse battery staple
            newcomer    | Kettle Orbit Lantern Fig
            newcomer    | Ab3$xY9!qL2#wz
            newcomer    | zwölf-äpfel-über-straße
            """)
    void accepted(String username, String password) {
        assertEquals(List.of(), PasswordPolicy.problems(password, username));
    }

    @ParameterizedTest(name = "{0} may not use \"{1}\": {2}")
    @CsvSource(delimiter = '|', textBlock = """
            newcomer    | ''                            | Enter a password.
            newcomer    | short-one                     | at least 12 characters
            newcomer    | password1234                  | too easy to guess. This is a very common password.
            newcomer    | Password12345                 | This is similar to a commonly used password.
            newcomer    | qwertyuiop123                 | This is a very common password.
            newcomer    | iloveyou2024!                 | This is similar to a commonly used password.
            newcomer    | passwordpassword              | Repeats like "abcabcabc" are only slightly harder to guess than "abc".
            newcomer    | monkey-monkey-monkey          | Avoid repeated words and characters.
            newcomer    | hamstrings99                  | Add another word or two.
            newcomer    | abcdefghijklmnop              | too easy to guess
            edwina      | edwina-kettle-lantern         | must not contain the username
            edwina      | my-EDWINA-kettle-lantern      | must not contain the username
            bench-voter | bench-voter-passphrase        | must not contain the username
            """)
    void refused(String username, String password, String reason) {
        List<String> problems = PasswordPolicy.problems(password == null ? "" : password, username);
        assertTrue(problems.stream().anyMatch(p -> p.contains(reason)), problems.toString());
    }

    @Test
    void tooLongPasswordsAreRefusedWithoutBeingMeasured() {
        assertEquals(List.of("Use at most 128 characters."), PasswordPolicy.problems("lantern-".repeat(20), "newcomer"));
        assertTrue(PasswordPolicy.problems("é".repeat(40), "newcomer").get(0).contains("longer than 72 bytes"));
    }

    @Test
    void theReasonReachesThePersonCreatingTheAccount() {
        String token = TestAccounts.token(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("username", "weak-" + System.nanoTime() % 100000, "password", "Password12345", "roles", List.of()))
                .post("/api/users")
                .then().statusCode(400)
                .body("details", hasItem(containsString("This is similar to a commonly used password.")));
        // a two-letter username may appear inside words ("ed" in "editor"); 409 when a reused database has "ed" already
        int status = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("username", "ed", "password", "Long-pass-phrase-editor", "roles", List.of()))
                .post("/api/users").statusCode();
        assertTrue(status == 201 || status == 409, "status " + status);
    }
}
