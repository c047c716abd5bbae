package se.uppfoljning;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinServletRequest;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import se.uppfoljning.base.security.AppUserPrincipal;

import java.util.List;
import java.util.regex.Pattern;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

/** Browserless UI tests: Vaadin mocked on the real Spring context; users signed in as Spring Security would. */
public abstract class KaribuTest extends AbstractIntegrationTest {

    private static Routes routes;

    @Autowired
    private ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("se.uppfoljning");
        }
    }

    @BeforeEach
    protected void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        logout();
        MockVaadin.tearDown();
    }

    /**
     * A new browser session (the tab closed, the laptop asleep, a new login): what the old UI held is gone, only the
     * server's database remains.
     */
    protected void newSession() {
        logout();
        MockVaadin.tearDown();
        setUpVaadin();
    }

    /** The offer of an unsaved draft ("Osparat utkast från hh:mm – Återställ / Släng") is not shown. */
    private static final Pattern MENU_ITEM_PATH = Pattern.compile("<vaadin-side-nav-item path=\"([^\"]*)\"");

    /** The paths of the main layout's menu items ({@code <vaadin-side-nav-item path="…">} in its Html), "" for the overview. */
    protected static List<String> menuPaths() {
        return _find(Html.class).stream().map(Html::getInnerHtml)
                .flatMap(html -> MENU_ITEM_PATH.matcher(html).results().map(m -> m.group(1)))
                .toList();
    }

    protected static void assertNoDraftOffer() {
        _assertNone(Span.class, spec -> spec.withId("draft-offer-text"));
    }

    /** The text of the offer of an unsaved draft that is shown. */
    protected static String draftOfferText() {
        return _get(Span.class, spec -> spec.withId("draft-offer-text")).getText();
    }

    /** Clicks "Återställ" on the offer of an unsaved draft. */
    protected static void restoreDraft() {
        _click(_get(Button.class, spec -> spec.withId("draft-restore")));
    }

    /** Signs in a demo user and makes the fake request agree, so Vaadin's view access checks see them. */
    protected AppUserPrincipal login(String username) {
        AppUserPrincipal user = signIn(username);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(SecurityContextHolder.getContext().getAuthentication());
        request.setUserInRole((principal, role) -> user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
        return user;
    }

    protected void logout() {
        SecurityContextHolder.clearContext();
        if (VaadinServletRequest.getCurrent() != null) {
            FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
            request.setUserPrincipalInt(null);
            request.setUserInRole((principal, role) -> false);
        }
    }
}
