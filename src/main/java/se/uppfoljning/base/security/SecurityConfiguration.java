package se.uppfoljning.base.security;

import com.vaadin.flow.spring.security.VaadinWebSecurity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import se.uppfoljning.base.api.ApiErrors;
import se.uppfoljning.base.api.ApiHandlerLookup;
import se.uppfoljning.base.api.ApiResponseBuffer;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.ui.LoginView;

import java.io.IOException;
import java.util.Set;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity
public class SecurityConfiguration extends VaadinWebSecurity {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * What Vaadin Flow's bootstrap needs (an inline start script, functions built from the server's JavaScript,
     * inline styles; see Vaadin's "Content Security Policy" page) and nothing from other origins.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** The API answers JSON and files only: nothing in it may run or be framed. */
    public static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    public static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=(), display-capture=(), fullscreen=(self)";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final boolean hsts;

    public SecurityConfiguration(@Value("${app.security.hsts:false}") boolean hsts) {
        this.hsts = hsts;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Username and password for the login form and HTTP Basic, throttled. */
    @Bean
    ThrottledAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder,
                                                           LoginThrottle throttle, ApplicationEventPublisher events,
                                                           Messages messages) {
        return new ThrottledAuthenticationProvider(users, encoder, throttle, events, messages);
    }

    /** See {@link ApiHandlerLookup}: static, as it changes bean definitions before any bean is made. */
    @Bean
    static BeanDefinitionRegistryPostProcessor apiHandlerLookup() {
        return ApiHandlerLookup.installer();
    }

    /** The API: a personal token (Bearer) or HTTP Basic with the same users, stateless, JSON errors. */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiErrors errors, Messages messages,
                                       ApiTokenAuthenticator tokens, ApplicationEventPublisher events) throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, e) -> unauthorized(errors, messages, response, e);
        http.securityMatcher(ApiHandlerLookup.API)
                .authorizeHttpRequests(auth -> auth.anyRequest().access((authentication, context) ->
                        new AuthorizationDecision(allowed(authentication.get(), context.getRequest()))))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .addFilterBefore(new ApiResponseBuffer(), DisableEncodeUrlFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                // lean and stateless: no session (neither read nor created), no saved request to return to after a
                // login, no logout URL, no anonymous user (no authentication → the entry point's 401), no servlet-API
                // wrapper; the security context lives for the request only
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .headers(headers -> {
                    commonHeaders(headers);
                    headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY));
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((request, response, denied) -> {
                            var authentication = SecurityContextHolder.getContext().getAuthentication();
                            String reason;
                            if (authentication != null && authentication.getPrincipal() instanceof AppUserPrincipal user
                                    && user.mustChangePassword()) {
                                reason = "passwordChangeRequired";
                                errors.write(response, 403, "passwordChangeRequired",
                                        messages.get("api.error.passwordChangeRequired"));
                            } else if (authentication instanceof ApiTokenAuthentication token && token.readOnly()) {
                                reason = "readOnlyToken";
                                errors.write(response, 403, "readOnlyToken", messages.get("api.error.readOnlyToken"));
                            } else {
                                reason = "forbidden";
                                errors.write(response, 403, "forbidden", messages.get("api.error.forbidden"));
                            }
                            log.warn("Nekad åtkomst: {} {} för {} ({})", request.getMethod(), request.getRequestURI(),
                                    SecurityEvent.currentUsername(), reason);
                            events.publishEvent(new SecurityEvent(SecurityEvent.ACCESS_DENIED,
                                    SecurityEvent.currentUsername(), request.getRemoteAddr(), null,
                                    request.getMethod() + " " + request.getRequestURI(),
                                    messages.get("audit.security.denied." + reason)));
                        }));
        return http.build();
    }

    /** Signed in, no password change pending, and a read-only token only reads. */
    private static boolean allowed(Authentication authentication,
                                   HttpServletRequest request) {
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof AppUserPrincipal user) || user.mustChangePassword()) {
            return false;
        }
        return !(authentication instanceof ApiTokenAuthentication token && token.readOnly()
                && !READ_METHODS.contains(request.getMethod()));
    }

    private static void unauthorized(ApiErrors errors, Messages messages, HttpServletResponse response,
                                     AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"uppfoljning\"");
        if (e instanceof LockedException) {
            errors.write(response, 401, "login_locked", messages.get("login.locked.message"));
        } else if ("invalid token".equals(e.getMessage())) {
            errors.write(response, 401, "invalid_token", messages.get("api.error.tokenInvalid"));
        } else {
            errors.write(response, 401, "unauthorized", messages.get("api.error.unauthorized"));
        }
    }

    private void commonHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
        if (hsts) {
            // behind a proxy that ends TLS the request looks plain: send HSTS on every answer when told we run on HTTPS
            headers.httpStrictTransportSecurity(h -> h.maxAgeInSeconds(31_536_000).includeSubDomains(true)
                    .requestMatcher(AnyRequestMatcher.INSTANCE));
        } else {
            headers.httpStrictTransportSecurity(HeadersConfigurer.HstsConfig::disable);
        }
    }

    /**
     * A request Spring Security's firewall refuses (encoded "/", "%00", "%0d%0a", ".." …): JSON under /api/,
     * otherwise a plain 400.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ApiErrors errors) {
        return (HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) -> {
            log.info("Avvisad begäran: {}", e.getMessage());
            String uri = request.getRequestURI();
            if (ApiErrors.isApi(uri)) {
                errors.write(response, 400, "bad_request", errors.message("api.error.rejectedRequest"));
            } else {
                response.sendError(400);
            }
        };
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
        http.headers(headers -> {
            commonHeaders(headers);
            headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY));
        });
        super.configure(http);
        setLoginView(http, LoginView.class, "/login");
        // a lock gets its own text on the login page; it reads the same for existing and unknown accounts
        http.formLogin(form -> form.failureHandler((request, response, e) ->
                new SimpleUrlAuthenticationFailureHandler(e instanceof LockedException ? "/login?error&locked" : "/login?error")
                        .onAuthenticationFailure(request, response, e)));
    }
}
