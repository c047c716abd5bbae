package se.uppfoljning.base.security;

import org.junit.jupiter.api.Test;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser-facing pages carry a Content-Security-Policy Vaadin works with, and the other protective headers. */
class SecurityHeadersTest extends AbstractIntegrationTest {

    @Test
    void theStartPageAndTheLoginPageCarryThePolicies() throws Exception {
        for (String path : new String[]{"/", "/login"}) {
            RawHttp.Response response = RawHttp.send(port, "GET", path, null);
            assertThat(response.status()).as(path).isIn(200, 302);
            assertThat(response.header("content-security-policy")).as(path)
                    .isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY)
                    .contains("default-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
            assertThat(response.header("referrer-policy")).as(path).isEqualTo("same-origin");
            assertThat(response.header("permissions-policy")).as(path).contains("camera=()", "geolocation=()",
                    "microphone=()");
            assertThat(response.header("x-frame-options")).as(path).isEqualTo("DENY");
            assertThat(response.header("x-content-type-options")).as(path).isEqualTo("nosniff");
            // HSTS only when told the application runs behind HTTPS (SESSION_COOKIE_SECURE=true)
            assertThat(response.header("strict-transport-security")).as(path).isNull();
        }
        RawHttp.Response login = RawHttp.send(port, "GET", "/login", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("<html");
    }

    @Test
    void theApiForbidsEverythingActive() throws Exception {
        RawHttp.Response response = RawHttp.send(port, "GET", "/api/v1/committees", null);
        assertThat(response.header("content-security-policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.header("referrer-policy")).isEqualTo("same-origin");
    }
}
