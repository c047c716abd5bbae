package se.uppfoljning.base.api;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * One handler look-up per API request instead of two. Spring Security wraps every request in the cache filter of
 * Spring MVC's {@link HandlerMappingIntrospector}, which finds the request's handler among all request mappings
 * before any security chain runs, for chains matched by {@code MvcRequestMatcher} and for CORS; the
 * {@code DispatcherServlet} then finds it again. The API's chain matches its paths with {@link #API} (path patterns,
 * no handler needed) and has no CORS, so under {@code /api/} that first look-up served nothing (issue 17's profile: a
 * tenth of an API request's CPU). Every other request keeps the cache, as Vaadin's chain may match with the MVC
 * matcher.
 */
public final class ApiHandlerLookup extends HandlerMappingIntrospector {

    /** The API's requests, matched on the path within the application as Spring MVC's path patterns do. */
    public static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

    /** Spring MVC's name for the introspector, which Spring Security's cache filter looks up. */
    static final String BEAN = "mvcHandlerMappingIntrospector";

    @Override
    public Filter createCacheFilter() {
        Filter cache = super.createCacheFilter();
        return (request, response, chain) -> {
            if (ApiErrors.isApi((HttpServletRequest) request)) {
                chain.doFilter(request, response);
            } else {
                cache.doFilter(request, response, chain);
            }
        };
    }

    /**
     * Puts this introspector in the place of Spring MVC's (a {@link HandlerMappingIntrospector} too, so Spring
     * Security and Spring MVC use it as before); a no-op when Spring MVC defines none.
     */
    public static BeanDefinitionRegistryPostProcessor installer() {
        return (BeanDefinitionRegistry registry) -> {
            if (registry.containsBeanDefinition(BEAN)) {
                RootBeanDefinition definition = new RootBeanDefinition(ApiHandlerLookup.class);
                definition.setLazyInit(true); // as Spring MVC's own definition
                registry.removeBeanDefinition(BEAN);
                registry.registerBeanDefinition(BEAN, definition);
            }
        };
    }
}
