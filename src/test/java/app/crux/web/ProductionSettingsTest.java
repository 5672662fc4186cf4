package app.crux.web;

import app.crux.TestAccounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What production promises: Secure cookies, HSTS, metrics off the public port, no spoofed client addresses. */
@QuarkusTest
class ProductionSettingsTest {


    /** application.properties read with the prod profile, as the packaged application reads it. */
    private static SmallRyeConfig prod() throws Exception {
        URL properties = ProductionSettingsTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder().withProfile("prod").withSources(new PropertiesConfigSource(properties, 250)).build();
    }

    @Test
    void theProdProfileMakesCookiesSecureAndSendsHsts() throws Exception {
        SmallRyeConfig config = prod();
        assertEquals(true, config.getValue("crux.http.secure-cookies", Boolean.class));
        assertEquals(true, config.getValue("quarkus.rest-csrf.cookie-force-secure", Boolean.class));
        assertEquals(true, config.getValue("quarkus.http.auth.form.http-only-cookie", Boolean.class));
        assertTrue(config.getValue("quarkus.http.header.\"Strict-Transport-Security\".value", String.class).startsWith("max-age=31536000"));
        assertEquals(true, config.getValue("quarkus.management.enabled", Boolean.class));
        // forwarded headers stay ignored unless an operator turns them on (and then must list the proxies)
        assertEquals(false, config.getValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class));
        assertTrue(config.getOptionalValue("quarkus.http.proxy.trusted-proxies", String.class).isEmpty());
    }

    @Test
    void forwardingWithoutTrustedProxiesIsRefusedAtStart() {
        assertNotNull(ProxySettings.problem(true, Optional.empty()));
        assertNotNull(ProxySettings.problem(true, Optional.of(" ")));
        assertNull(ProxySettings.problem(true, Optional.of("10.0.0.5")));
        assertNull(ProxySettings.problem(false, Optional.empty()));
    }

    @Test
    void metricsAreNotOnThePublicPort() {
        given().get("/q/metrics").then().statusCode(404);
        int managementPort = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.management.test-port", Integer.class);
        given().get("http://localhost:" + managementPort + "/q/metrics").then().statusCode(200).body(containsString("# TYPE jvm_"));
        given().get("/q/health").then().statusCode(200);
    }

    @Test
    void xForwardedForDoesNotChangeTheAddressThatThrottlingCounts() throws Exception {
        String username = "nobody-" + System.nanoTime();
        for (String header : List.of("X-Forwarded-For", "Forwarded", "X-Real-IP")) {
            String value = header.equals("Forwarded") ? "for=203.0.113.77" : "203.0.113.77";
            given().redirects().follow(false).header(header, value)
                    .formParam("username", username).formParam("password", "wrong-password-for-test")
                    .post("/j_security_check").then().statusCode(302);
        }
        List<String> addresses = new ArrayList<>();
        try (Connection connection = Arc.container().instance(AgroalDataSource.class).get().getConnection();
                PreparedStatement query = connection.prepareStatement("select address from login_failure where username = ?")) {
            query.setString(1, username);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    addresses.add(rs.getString(1));
                }
            }
        }
        assertFalse(addresses.isEmpty(), "the failed sign-ins were not recorded");
        assertTrue(addresses.stream().noneMatch(a -> a.contains("203.0.113")), addresses.toString());
        assertTrue(addresses.stream().allMatch(a -> a.equals("127.0.0.1") || a.contains("0:0:0:0:0:0:0:1") || a.equals("::1")),
                addresses.toString());
    }

    @Test
    void secureIsAddedToEveryCookieOnce() {
        assertEquals("a=b; Path=/; Secure", SecureCookies.secured("a=b; Path=/"));
        assertEquals("a=b; Secure; HttpOnly", SecureCookies.secured("a=b; Secure; HttpOnly"));
        assertEquals("a=b; secure", SecureCookies.secured("a=b; secure"));
    }

    @Test
    void outsideProductionTheLoginCookieIsNotForcedSecure() {
        var response = given().redirects().follow(false)
                .formParam("username", TestAccounts.ADMIN).formParam("password", TestAccounts.ADMIN_PASSWORD)
                .post("/j_security_check");
        String setCookie = String.join("\n", response.headers().getValues("Set-Cookie"));
        assertTrue(setCookie.contains("crux-session="), setCookie);
        assertFalse(setCookie.toLowerCase().contains("secure"), setCookie);
    }
}
