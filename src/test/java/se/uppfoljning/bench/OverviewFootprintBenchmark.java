package se.uppfoljning.bench;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.Browser;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import com.sun.management.OperatingSystemMXBean;

/**
 * What one open overview costs, measured with a real browser against the test server in this JVM (issue 17):
 * the bytes of Vaadin's answers for the overview's first render (page load: init + UIDL; in-app navigation from
 * framsteg: UIDL only), the server process CPU per page load of the overview against the login view's, and the heap
 * per open UI with the overview open (N tabs of one session, each its own UI; forced GC before and after).
 * Not part of the suite: {@code mvn test -Dtest=OverviewFootprintBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * figures in docs/benchmarks.md.
 */
class OverviewFootprintBenchmark extends AbstractIntegrationTest {

    private static final int TABS = Integer.getInteger("bench.tabs", 20);
    private static final int LOADS = Integer.getInteger("bench.loads", 15);
    private static final String USER = System.getProperty("bench.user", "sekretariat");

    @Test
    void overviewPayloadCpuAndHeapPerUi() throws Exception {
        testData.reset();
        WebDriver driver = Browser.start(1400, 1000);
        WebDriver anonymous = Browser.start(1400, 1000);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(url("login"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")))
                    .sendKeys(USER);
            driver.findElement(By.cssSelector("input[name='password']")).sendKeys("demo", Keys.ENTER);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
            waitForRows(driver);

            // payload: a page load of the overview, and Vaadin's navigation to it from framsteg
            clearTimings(driver);
            driver.get(url(""));
            waitForRows(driver);
            long pageLoad = vaadinBytes(driver);
            driver.get(url("framsteg"));
            waitForVaadin(driver);
            clearTimings(driver);
            ((JavascriptExecutor) driver).executeScript("history.pushState(null, '', arguments[0]);"
                    + " window.dispatchEvent(new PopStateEvent('popstate'));", url(""));
            waitForRows(driver);
            long navigation = vaadinBytes(driver);
            // framsteg and the changes view, each reached by Vaadin's navigation from the overview
            long progress = navigationBytes(driver, "framsteg", "progress-total");
            long changes = navigationBytes(driver, "forandringar", "view-title");
            clearTimings(anonymous);
            anonymous.get(url("login"));
            new WebDriverWait(anonymous, Duration.ofSeconds(60)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
            waitForVaadin(anonymous);
            long loginBytes = vaadinBytes(anonymous);

            // server CPU per page load (the browsers are other processes; this JVM is the server plus this thread)
            var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            for (int i = 0; i < 3; i++) { // warm
                driver.get(url(""));
                waitForRows(driver);
                anonymous.get(url("login"));
                waitForVaadin(anonymous);
            }
            long before = os.getProcessCpuTime();
            for (int i = 0; i < LOADS; i++) {
                driver.get(url(""));
                waitForRows(driver);
            }
            double overviewCpu = (os.getProcessCpuTime() - before) / 1e6 / LOADS;
            before = os.getProcessCpuTime();
            for (int i = 0; i < LOADS; i++) {
                anonymous.get(url("login"));
                waitForVaadin(anonymous);
            }
            double loginCpu = (os.getProcessCpuTime() - before) / 1e6 / LOADS;

            // heap per UI: N more tabs of the same session, each a UI with the overview open
            driver.get(url("framsteg"));
            waitForVaadin(driver);
            long heapBefore = usedAfterGc();
            List<String> tabs = new ArrayList<>();
            String first = driver.getWindowHandle();
            for (int i = 0; i < TABS; i++) {
                driver.switchTo().newWindow(WindowType.TAB);
                tabs.add(driver.getWindowHandle());
                driver.get(url(""));
                waitForRows(driver);
            }
            long heapAfter = usedAfterGc();
            double perUi = (heapAfter - heapBefore) / 1024.0 / TABS;

            System.out.printf("BENCHMARK overview as %s: page load %.1f KB (init + UIDL), navigation from framsteg %.1f KB"
                            + " (UIDL); login view page load %.1f KB%n", USER, pageLoad / 1024.0, navigation / 1024.0,
                    loginBytes / 1024.0);
            System.out.printf("BENCHMARK navigation from the overview: framsteg %.1f KB, changes view %.1f KB (UIDL)%n",
                    progress / 1024.0, changes / 1024.0);
            System.out.printf("BENCHMARK server CPU per page load: overview %.1f ms, login view %.1f ms, ratio %.2f%n",
                    overviewCpu, loginCpu, overviewCpu / loginCpu);
            System.out.printf("BENCHMARK heap per open UI with the overview open: %.0f KB (%d tabs, %.1f → %.1f MB)%n",
                    perUi, TABS, heapBefore / 1048576.0, heapAfter / 1048576.0);
            for (String tab : tabs) {
                driver.switchTo().window(tab).close();
            }
            driver.switchTo().window(first);
        } finally {
            driver.quit();
            anonymous.quit();
        }
    }

    private long navigationBytes(WebDriver driver, String path, String shownId) {
        driver.get(url(""));
        waitForRows(driver);
        clearTimings(driver);
        ((JavascriptExecutor) driver).executeScript("history.pushState(null, '', arguments[0]);"
                + " window.dispatchEvent(new PopStateEvent('popstate'));", url(path));
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(
                ExpectedConditions.presenceOfElementLocated(By.id(shownId)));
        waitForVaadin(driver);
        return vaadinBytes(driver);
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void clearTimings(WebDriver driver) {
        ((JavascriptExecutor) driver).executeScript("performance.setResourceTimingBufferSize(10000);"
                + " performance.clearResourceTimings();");
    }

    /** The body bytes of Vaadin's own answers (the page's init JSON and UIDL responses) since the timings were cleared. */
    private static long vaadinBytes(WebDriver driver) {
        Object bytes = ((JavascriptExecutor) driver).executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('v-r=')).reduce((s, e) => s + e.decodedBodySize, 0);");
        return ((Number) bytes).longValue();
    }

    private static void waitForRows(WebDriver driver) {
        waitForVaadin(driver);
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const g = document.getElementById('follow-up-grid');"
                        + " return !!g && g.querySelectorAll('vaadin-grid-cell-content').length > 20;"));
        waitForVaadin(driver);
    }

    private static void waitForVaadin(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive()));"));
        ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => setTimeout(done, 300));");
    }
}
