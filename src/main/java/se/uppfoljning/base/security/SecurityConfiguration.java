package se.uppfoljning.base.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.spring.security.VaadinWebSecurity;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.ui.LoginView;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity
public class SecurityConfiguration extends VaadinWebSecurity {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The API: HTTP Basic with the same users, stateless, JSON errors. */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ObjectMapper json, Messages messages) throws Exception {
        http.securityMatcher("/api/**")
                // a password set by an admin is changed in the browser first, as the UI demands too
                .authorizeHttpRequests(auth -> auth.anyRequest().access((authentication, context) ->
                        new org.springframework.security.authorization.AuthorizationDecision(
                                authentication.get() != null && authentication.get().isAuthenticated()
                                        && authentication.get().getPrincipal() instanceof AppUserPrincipal user
                                        && !user.mustChangePassword())))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"uppfoljning\"");
                    writeError(json, response, 401, "unauthorized", messages.get("api.error.unauthorized"));
                }))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    log.warn("Nekad åtkomst: {} {} för {}", request.getMethod(), request.getRequestURI(),
                            request.getRemoteUser());
                    var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                            .getAuthentication();
                    if (authentication != null && authentication.getPrincipal() instanceof AppUserPrincipal user
                            && user.mustChangePassword()) {
                        writeError(json, response, 403, "passwordChangeRequired",
                                messages.get("api.error.passwordChangeRequired"));
                        return;
                    }
                    writeError(json, response, 403, "forbidden", messages.get("api.error.forbidden"));
                }));
        return http.build();
    }

    static void writeError(ObjectMapper json, HttpServletResponse response, int status, String error, String message)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        body.put("details", List.of());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    /** The browser sessions per user, so an admin's change to an account can end that user's open sessions. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessionRegistry())
                .expiredUrl("/login?avslutad"));
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(new AntPathRequestMatcher("/styles/**"), new AntPathRequestMatcher("/images/**"),
                        // the OpenAPI description of /api/** and its Swagger UI (the API itself needs Basic auth)
                        new AntPathRequestMatcher("/v3/api-docs/**"), new AntPathRequestMatcher("/v3/api-docs"),
                        new AntPathRequestMatcher("/swagger-ui/**"), new AntPathRequestMatcher("/swagger-ui.html"))
                .permitAll());
        super.configure(http);
        setLoginView(http, LoginView.class, "/login");
    }

    @EventListener
    void onFailedLogin(AbstractAuthenticationFailureEvent event) {
        log.warn("Misslyckad inloggning för användare '{}': {}", event.getAuthentication().getName(),
                event.getException().getClass().getSimpleName());
    }

    @EventListener
    void onLogin(AuthenticationSuccessEvent event) {
        log.debug("Inloggad: {}", event.getAuthentication().getName());
    }
}
