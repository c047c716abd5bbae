package se.uppfoljning.publication.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import se.uppfoljning.base.i18n.Messages;

import static org.assertj.core.api.Assertions.assertThat;

/** The public pages' limit per client address: the burst passes, the next request is 429 with Retry-After. */
class PublicRateLimitTest {

    @Test
    void aClientBeyondItsLimitGets429WhileAnotherAddressStillPasses() throws Exception {
        StaticMessageSource source = new StaticMessageSource();
        source.addMessage("public.error.tooMany", Messages.SWEDISH, "För många förfrågningar. Försök igen om {0} sekunder.");
        PublicRateLimit limit = new PublicRateLimit(3, new Messages(source));
        for (int i = 0; i < 3; i++) {
            assertThat(send(limit, "10.0.0.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = send(limit, "10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.getContentAsString()).startsWith("För många förfrågningar");
        assertThat(send(limit, "10.0.0.2").getStatus()).isEqualTo(200);
    }

    private static MockHttpServletResponse send(PublicRateLimit limit, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/offentlig/orebro");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
