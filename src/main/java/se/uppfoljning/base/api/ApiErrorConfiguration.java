package se.uppfoljning.base.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error contract where Spring MVC's exception handling does not reach: the container's error report (a valve on
 * the host, replacing Tomcat's and Spring Boot's) and the error page {@code /error} (a request the container or a
 * filter ended with {@code sendError}).
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorConfiguration {

    /** Runs after Spring Boot's own customizer, which adds the plain ErrorReportValve this one replaces. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReport(ObjectProvider<ApiErrors> errors) {
        class Customizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE;
            }

            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    if (context.getParent() instanceof StandardHost host) {
                        for (Valve valve : host.getPipeline().getValves()) {
                            if (valve instanceof ErrorReportValve) {
                                host.getPipeline().removeValve(valve);
                            }
                        }
                        host.getPipeline().addValve(new ApiErrorReportValve(errors));
                        // the host adds a valve of this class at start unless one is there already
                        host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
                    }
                });
            }
        }
        return new Customizer();
    }

    /** Boot's error controller, but under /api/ always the JSON contract. */
    @Bean
    BasicErrorController basicErrorController(ErrorAttributes attributes, ServerProperties server,
                                              ObjectProvider<ErrorViewResolver> resolvers, ApiErrors errors) {
        return new BasicErrorController(attributes, server.getError(), resolvers.orderedStream().toList()) {
            @Override
            public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
                if (api(request)) {
                    writeApi(request, response, errors);
                    return null;
                }
                return super.errorHtml(request, response);
            }

            @Override
            public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
                if (api(request)) {
                    int status = status(request);
                    ApiError error = errors.error(status);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("error", error.error());
                    body.put("message", error.message());
                    body.put("details", error.details());
                    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                            .body(body);
                }
                return super.error(request);
            }
        };
    }

    private static boolean api(HttpServletRequest request) {
        Object uri = request.getAttribute("jakarta.servlet.error.request_uri");
        return uri instanceof String s && ApiErrors.isApi(s.startsWith(request.getContextPath())
                ? s.substring(request.getContextPath().length()) : s);
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute("jakarta.servlet.error.status_code");
        return code instanceof Integer i && i >= 400 ? i : 500;
    }

    private static void writeApi(HttpServletRequest request, HttpServletResponse response, ApiErrors errors) {
        int status = status(request);
        try {
            errors.write(response, status, errors.error(status));
        } catch (IOException e) {
            // the client is gone
        }
    }
}
