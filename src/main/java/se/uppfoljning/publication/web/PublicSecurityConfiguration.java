package se.uppfoljning.publication.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

/**
 * The public pages' own filter chain: anyone may read, nothing is stored in a session (none is ever created for an
 * anonymous reader), no request is cached for a later login, a strict Content-Security-Policy (the pages have no
 * script and only the one stylesheet), and a rate limit per client address.
 */
@Configuration
public class PublicSecurityConfiguration {

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain publicFilterChain(HttpSecurity http, PublicRateLimit rateLimit) throws Exception {
        http.securityMatcher("/offentlig/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new NullSecurityContextRepository()))
                .requestCache(c -> c.disable())
                // read-only pages without forms: nothing to protect against cross-site requests
                .csrf(c -> c.disable())
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(
                                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()")))
                .addFilterAfter(rateLimit, DisableEncodeUrlFilter.class);
        return http.build();
    }

    /** The rate limit is a bean for its settings, but runs only in the chain above, not for every request. */
    @Bean
    FilterRegistrationBean<PublicRateLimit> publicRateLimitRegistration(PublicRateLimit rateLimit) {
        FilterRegistrationBean<PublicRateLimit> registration = new FilterRegistrationBean<>(rateLimit);
        registration.setEnabled(false);
        return registration;
    }
}
