package se.uppfoljning.base.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.text.SwedishFormat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Username and password (login form and HTTP Basic) through the {@link LoginThrottle}: a locked account or address,
 * or an attempt during the growing delay, is refused before any password is hashed. Every refusal is the same
 * {@link BadCredentialsException} or, under a lock, {@link LockedException}, for existing and unknown accounts alike
 * (a deactivated account answers like a wrong password). Failures and locks go to the audit log.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);
    private static final DateTimeFormatter TIME = SwedishFormat.DATE_TIME;
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final int MAX_NAME = 100;

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Messages messages;

    public ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
                                           ApplicationEventPublisher events, Messages messages) {
        this.passwords = new DaoAuthenticationProvider(encoder);
        this.passwords.setUserDetailsService(users);
        this.throttle = throttle;
        this.events = events;
        this.messages = messages;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String typed = authentication.getName() == null ? "" : authentication.getName();
        String name = typed.length() > MAX_NAME ? typed.substring(0, MAX_NAME) : typed;
        String address = address(authentication);
        LoginThrottle.Verdict verdict = throttle.check(name, address);
        if (verdict == LoginThrottle.Verdict.LOCKED) {
            // not logged one by one: a lock would otherwise let anyone fill the append-only log at will
            log.info("Inloggning under spärr nekad för '{}' från {}", name, address);
            throw new LockedException("locked");
        }
        if (verdict == LoginThrottle.Verdict.TOO_SOON) {
            failed(name, address, messages.get("audit.security.loginTooSoon"));
            throw new BadCredentialsException("too soon");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(name);
            return result;
        } catch (BadCredentialsException | AccountStatusException e) {
            failed(name, address, messages.get(e instanceof AccountStatusException
                    ? "audit.security.loginDisabled" : "audit.security.loginWrong"));
            throw new BadCredentialsException("bad credentials");
        }
    }

    private void failed(String name, String address, String reason) {
        LoginThrottle.Failure failure = throttle.failed(name, address);
        log.warn("Misslyckad inloggning för '{}' från {}: {}", name, address, reason);
        events.publishEvent(new SecurityEvent(SecurityEvent.LOGIN_FAILED, name, address, null, name,
                messages.get("audit.security.loginFailed", reason, failure.accountFailures())));
        if (failure.accountLockedUntil() != null) {
            events.publishEvent(new SecurityEvent(SecurityEvent.LOGIN_LOCKED, name, address, null, name,
                    messages.get("audit.security.accountLocked", throttle.maxFailures(),
                            TIME.format(failure.accountLockedUntil().atZone(SWEDEN)))));
        }
        if (failure.addressLockedUntil() != null) {
            events.publishEvent(new SecurityEvent(SecurityEvent.LOGIN_LOCKED, name, address, null, address,
                    messages.get("audit.security.addressLocked",
                            TIME.format(failure.addressLockedUntil().atZone(SWEDEN)))));
        }
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
