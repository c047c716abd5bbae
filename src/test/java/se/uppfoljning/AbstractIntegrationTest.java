package se.uppfoljning;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.users.UserService;

/**
 * All integration tests share one Spring context on one embedded PostgreSQL (clean at start, demo data loaded).
 * Tests that change data call {@link TestData#reset()} first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class AbstractIntegrationTest {

    @Autowired
    protected TestData testData;

    @Autowired
    protected UserService userService;

    @LocalServerPort
    protected int port;

    /** Signs in a demo user for service calls on this thread. */
    protected AppUserPrincipal signIn(String username) {
        AppUserPrincipal user = (AppUserPrincipal) userService.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        return user;
    }

    /** No test's sign-in outlives it: the thread runs the next test. */
    @AfterEach
    protected final void signOutAfterTest() {
        signOut();
    }

    protected void signOut() {
        SecurityContextHolder.clearContext();
    }
}
