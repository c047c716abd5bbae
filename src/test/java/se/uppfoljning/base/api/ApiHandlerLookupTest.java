package se.uppfoljning.base.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.RawHttp;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's requests skip the handler look-up Spring Security's cache filter makes; the others keep it. */
class ApiHandlerLookupTest extends AbstractIntegrationTest {

    @Autowired
    HandlerMappingIntrospector introspector;

    @Test
    void isSpringMvcsIntrospector() {
        assertThat(introspector).isInstanceOf(ApiHandlerLookup.class);
    }

    @Test
    void looksUpTheHandlerBeforeTheChainsOnlyOutsideTheApi() throws Exception {
        assertThat(cachedDuring("/api/v1/committees/ks/periods/2024-dr1/follow-up")).isEmpty();
        assertThat(cachedDuring("/api")).isEmpty();
        assertThat(cachedDuring("/login")).hasSize(1);
        assertThat(cachedDuring("/apiary")).hasSize(1);
    }

    @Test
    void theApiChainStillGuardsTheWholeApi() throws Exception {
        for (String path : new String[]{"/api", "/api/", "/api/v1/committees", "/api/v1/nothing/here"}) {
            RawHttp.Response response = RawHttp.send(port, "GET", path, null);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.header("content-type")).as(path).startsWith("application/json");
        }
    }

    /** The introspector's request attributes while the rest of the filter chain runs. */
    private List<String> cachedDuring(String path) throws Exception {
        AtomicReference<List<String>> seen = new AtomicReference<>();
        FilterChain chain = (ServletRequest request, jakarta.servlet.ServletResponse response) ->
                seen.set(Collections.list(request.getAttributeNames()).stream()
                        .filter(name -> name.startsWith(HandlerMappingIntrospector.class.getName())).toList());
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        introspector.createCacheFilter().doFilter(request, new MockHttpServletResponse(), chain);
        return seen.get();
    }
}
