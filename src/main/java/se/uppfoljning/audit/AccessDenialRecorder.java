package se.uppfoljning.audit;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.security.CommitteePeriodScoped;
import se.uppfoljning.base.security.SecurityEvent;
import se.uppfoljning.organisation.Committee;

import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every access denial of a service – its {@code @PreAuthorize} or its committee and department checks – goes to
 * the audit log as a security event: who, which service call, and the committee, period and item ids among its
 * arguments. One advisor around all {@code @Service} beans, outermost (before method security), so a denial is
 * logged once however deep it was thrown, for the UI and the API alike. Text arguments are left out unless they
 * name a committee or period, so no password or file content reaches the log.
 */
@Configuration(proxyBeanMethods = false)
class AccessDenialRecorder {

    /** The denial last logged on this thread: the same exception passing through outer services is not logged again. */
    private static final ThreadLocal<WeakReference<Throwable>> LAST = new ThreadLocal<>();

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor accessDenialAdvisor(ObjectProvider<ApplicationEventPublisher> events,
                                       ObjectProvider<Messages> messages) {
        MethodInterceptor interceptor = invocation -> {
            try {
                return invocation.proceed();
            } catch (AccessDeniedException e) {
                var last = LAST.get();
                if (last == null || last.get() != e) {
                    LAST.set(new WeakReference<>(e));
                    events.getObject().publishEvent(event(invocation.getMethod(), invocation.getArguments(), e,
                            messages.getObject()));
                }
                throw e;
            }
        };
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                new AnnotationMatchingPointcut(Service.class, true), interceptor);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    private static SecurityEvent event(Method method, Object[] arguments, AccessDeniedException e, Messages messages) {
        Long committeeId = null;
        List<String> about = new ArrayList<>();
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < arguments.length && i < parameters.length; i++) {
            Object argument = arguments[i];
            String name = parameters[i].getName();
            if (argument instanceof CommitteePeriodScoped context) { // a CommitteeContext (audit does not know periods)
                committeeId = context.committeeId();
                about.add(messages.get("audit.security.committeePeriod", context.committeeCode(),
                        context.periodSlug()));
            } else if (argument instanceof Committee committee) {
                committeeId = committee.id();
                about.add(messages.get("audit.security.committee", committee.code()));
            } else if (argument instanceof Number number) {
                about.add(name + " " + number);
            } else if (argument instanceof String text && text.length() <= 60 && isScopeName(name)) {
                about.add(name + " " + text);
            }
        }
        String subject = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        String details = messages.get("audit.security.denied.service", reason(e),
                about.isEmpty() ? "–" : String.join(", ", about));
        return new SecurityEvent(SecurityEvent.ACCESS_DENIED, SecurityEvent.currentUsername(), null, committeeId,
                subject, details);
    }

    private static boolean isScopeName(String parameter) {
        String lower = parameter.toLowerCase(Locale.ROOT);
        return lower.contains("committee") || lower.contains("period") || lower.contains("slug");
    }

    private static String reason(AccessDeniedException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
