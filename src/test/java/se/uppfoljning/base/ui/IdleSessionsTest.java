package se.uppfoljning.base.ui;

import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.VaadinServlet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.RawHttp;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idle browser sessions end (issue 17): the running Vaadin servlet closes UIs that only send heartbeats, and the
 * session timeout leaves room for three heartbeats, so an open tab alone no longer keeps a session – and its memory –
 * alive.
 */
class IdleSessionsTest extends AbstractIntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    ServerProperties server;

    @Test
    void anOpenTabDoesNotKeepItsSessionAliveAndTheTimeoutOutlastsThreeHeartbeats() throws Exception {
        // the servlet starts with its first request
        assertThat(RawHttp.send(port, "GET", "/login", null).status()).isEqualTo(200);
        VaadinServlet servlet = context.getBeansOfType(ServletRegistrationBean.class).values().stream()
                .map(ServletRegistrationBean::getServlet).filter(VaadinServlet.class::isInstance)
                .map(VaadinServlet.class::cast).findFirst().orElseThrow();
        DeploymentConfiguration configuration = servlet.getService().getDeploymentConfiguration();
        assertThat(configuration.isCloseIdleSessions()).isTrue();
        Duration heartbeat = Duration.ofSeconds(configuration.getHeartbeatInterval());
        Duration timeout = server.getServlet().getSession().getTimeout();
        assertThat(heartbeat).isPositive();
        assertThat(timeout).isEqualTo(Duration.ofMinutes(60)).isGreaterThanOrEqualTo(heartbeat.multipliedBy(3));
    }
}
