package se.uppfoljning;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every view in headless Chromium at 1400 × 1000 (one browser for the class, one Spring context): each view is opened
 * once as the demo user who sees most of it (its actions, findings, editable rows), where axe-core (the npm package,
 * pinned: Deque ships it as {@code axe.min.js} in its Selenium jar on Maven Central) finds no violation of the WCAG 2.1
 * A and AA rules and the view is saved to {@code target/screenshots/<user>-<view>.png} for a reviewer to look at. The
 * menu and the start period are checked as rendered for the three users signed in here, and for every demo user on
 * the server in {@link MenuAndStartPeriodTest} (what each role may do in a view is tested without a browser, in the
 * features' Karibu and service tests).
 *
 * <p>No axe rule is disabled.
 */
class ViewsInBrowserTest extends AbstractIntegrationTest {

    static final String AXE_VERSION = "4.11.1";
    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    static final List<String> READING = List.of("", "framsteg", "ekonomi", "rapport", "bilagor", "forandringar",
            "notiser", "api-nycklar");
    static final List<String> SECRETARIAT = List.of("perioder", "struktur", "logg");
    /** The views each user reaches (through the menu; the notifications through the bell in the top bar). */
    static final Map<String, List<String>> VIEWS = Map.of(
            "politiker", READING,
            "tjansteperson", READING,
            "kultur", READING,
            "controller", READING,
            "sekretariat", concat(READING, SECRETARIAT),
            "admin", concat(READING, concat(SECRETARIAT, List.of("anvandare", "publicering"))));
    /**
     * Every view once, as the user who sees most of it, in the period the user opens on (2024-dr2, open): the
     * secretariat edits every row, marks readiness, writes the report and the appendices' measures; the controller
     * uploads finance figures and sees each finding; the admin reopens periods and sees security events, users,
     * publication and every API token.
     */
    static final Map<String, List<String>> RICHEST = linked(
            "sekretariat", List.of("", "framsteg", "rapport", "bilagor", "forandringar", "notiser", "struktur"),
            "controller", List.of("ekonomi"),
            "admin", List.of("perioder", "logg", "anvandare", "publicering", "api-nycklar"));
    /** The views that differ most between the decided and the open period: also in the decided 2024-dr1. */
    static final List<String> OTHER_PERIOD = List.of("", "framsteg", "ekonomi", "bilagor", "forandringar");

    private static String axe;
    private static WebDriver driver;

    @BeforeAll
    static void readAxeAndStartBrowser() throws IOException {
        try (InputStream in = ViewsInBrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            assertThat(in).as("axe.min.js (com.deque.html.axe-core:selenium) on the test class path").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(axe).as("the pinned axe-core version").contains("axe v" + AXE_VERSION);
        Browser.assumeInstalled();
        driver = Browser.start(1400, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @BeforeEach
    void signedOut() {
        driver.manage().deleteAllCookies(); // a fresh session: no user of an earlier test is signed in
    }

    @Test
    void everyViewPassesAxeAsTheUserWhoSeesMostOfIt() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        List<String> problems = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        RICHEST.forEach((user, views) -> {
            driver.manage().deleteAllCookies();
            logIn(wait, user);
            assertMenuAndStartPeriod(wait, user);
            for (String view : views) {
                assertThat(VIEWS.get(user)).as(user + " has " + view + " in the menu").contains(view);
                visit(wait, view, user + "-" + name(view), problems);
                covered.add(view);
            }
            if (user.equals("sekretariat")) {
                // the decided period the secretariat does not open on (each view renders by role, not by period)
                for (String view : OTHER_PERIOD) {
                    visit(wait, view + "?namnd=ks&period=2024-dr1", user + "-2024-dr1-" + name(view), problems);
                }
            }
        });
        assertThat(covered).as("every view of the menu is checked once").containsExactlyInAnyOrderElementsOf(
                VIEWS.values().stream().flatMap(List::stream).distinct().toList());
        assertThat(problems).as("axe-core " + AXE_VERSION + " " + WCAG_TAGS + " violations").isEmpty();
    }

    /**
     * The menu, the notifications bell and the start period as the browser renders them, for the three users the axe
     * check signs in anyway; {@link MenuAndStartPeriodTest} checks every demo user's on the server (without a browser
     * login each): a politician (who only reads) starts on the decided report 2024-dr1, everyone who works on the
     * report on the open 2024-dr2.
     */
    private void assertMenuAndStartPeriod(WebDriverWait wait, String user) {
        waitForVaadin(wait);
        @SuppressWarnings("unchecked")
        List<String> menu = (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('vaadin-side-nav-item'))"
                        + ".map(i => i.getAttribute('path') || '');");
        // the notifications are reached by the bell in the top bar, every other view through the menu
        assertThat(menu).as(user + "'s menu").containsExactlyInAnyOrderElementsOf(menu(user));
        assertThat(driver.findElements(By.id("notifications-bell"))).as(user + "'s notifications bell").hasSize(1);
        String period = (String) ((JavascriptExecutor) driver).executeScript(
                "return document.getElementById('period-select').innerText;");
        assertThat(period).as(user + "'s start period").contains(startPeriod(user));
    }

    /** The paths of the menu's items for this demo user: every view they reach but the notifications (the bell). */
    static List<String> menu(String user) {
        return VIEWS.get(user).stream().filter(v -> !v.equals("notiser")).toList();
    }

    /** The end of the name of the period this demo user starts on. */
    static String startPeriod(String user) {
        return user.equals("politiker") ? "prognos 1 2024" : "prognos 2 2024";
    }

    private void logIn(WebDriverWait wait, String user) {
        driver.get(url("login"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")))
                .sendKeys(user);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys("demo", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
    }

    private static String name(String view) {
        return view.isEmpty() ? "uppfoljning" : view;
    }

    /** The public pages as a resident meets them, without logging in: the same axe rules, and a screenshot each. */
    @Test
    void thePublicPagesPassAxeWithoutLogin() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        List<String> problems = new ArrayList<>();
        for (String path : List.of("offentlig/orebro", "offentlig/orebro/ks/2024-dr1", "offentlig/tillganglighet",
                "offentlig/orebro/ks/2024-dr2")) {
            driver.get(url(path));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            String name = "offentlig-" + path.substring("offentlig/".length()).replace('/', '-');
            Browser.screenshot(driver, name);
            // the skip link is the first thing the keyboard reaches
            driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
            assertThat(driver.switchTo().activeElement().getAttribute("href")).as(name).endsWith("#innehall");
            problems.addAll(axe(name));
        }
        assertThat(problems).as("axe-core " + AXE_VERSION + " " + WCAG_TAGS + " violations on the public pages").isEmpty();
    }

    /**
     * Opens the view as the user would through the menu: Vaadin's own navigation in the open page (no reload), so
     * one page load per user and axe is injected once.
     */
    private void visit(WebDriverWait wait, String path, String name, List<String> problems) {
        long start = System.nanoTime();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        boolean there = (Boolean) js.executeScript("return location.href === arguments[0];", url(path));
        if (!there) {
            // Flow navigates on popstate, as on the browser's back button: a server round trip, no page load
            js.executeScript("window.__shownView = document.querySelector('vaadin-app-layout > :not([slot])');"
                    + " history.pushState(null, '', arguments[0]); window.dispatchEvent(new PopStateEvent('popstate'));",
                    url(path));
            try {
                new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> ((JavascriptExecutor) d).executeScript(
                        "const v = document.querySelector('vaadin-app-layout > :not([slot])');"
                                + " return !!v && v !== window.__shownView;"));
            } catch (WebDriverException e) {
                driver.get(url(path)); // a page load is the fallback, slower but certain
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
            }
        }
        waitForVaadin(wait);
        assertThat(driver.findElements(By.id("current-user"))).as(name + " shows the signed-in layout").isNotEmpty();
        Browser.screenshot(driver, name);
        long shown = System.nanoTime();
        problems.addAll(axe(name));
        System.out.printf("%s: shown in %d ms, axe in %d ms%n", name, (shown - start) / 1_000_000,
                (System.nanoTime() - shown) / 1_000_000);
    }

    /** Waits until Vaadin has no request in flight and the page has settled. */
    private void waitForVaadin(WebDriverWait wait) {
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive()));"));
        ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => setTimeout(done, 150));");
    }

    @SuppressWarnings("unchecked")
    private List<String> axe(String name) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!(Boolean) js.executeScript("return typeof window.axe !== 'undefined';")) {
            js.executeScript(axe);
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(r => done(r.passes.length === 0 ? ['axe checked nothing'] : r.violations.map(v => v.id
                      + ' (' + v.impact + '): ' + v.help + ' – ' + v.nodes.slice(0, 3).map(n => JSON.stringify(n.target)
                      + ' ' + n.failureSummary.replace(/\\s+/g, ' ')).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));
                """, WCAG_TAGS);
        List<String> violations = new ArrayList<>();
        for (Object violation : (List<Object>) result) {
            violations.add(name + ": " + violation);
        }
        return violations;
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private static Map<String, List<String>> linked(String u1, List<String> v1, String u2, List<String> v2,
                                                    String u3, List<String> v3) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put(u1, v1);
        map.put(u2, v2);
        map.put(u3, v3);
        return map;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
