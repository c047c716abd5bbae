package se.uppfoljning.base.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Counts failed logins per account (as typed) and per client address, for the login form and HTTP Basic alike.
 * <ul>
 *   <li>a growing delay: after the 2nd failure the next attempt is refused unchecked for 1 s, after the 3rd 2 s,
 *       after the 4th 4 s (such an attempt counts as a failure);</li>
 *   <li>a lock: the {@code maxFailures}th failure locks the account for {@code lockMinutes}, each further lock within
 *       a day twice as long (15, 30, 60 … minutes, at most a day); an address is locked the same way after
 *       {@code maxFailuresPerAddress} failures.</li>
 * </ul>
 * Unknown accounts are counted and locked exactly like existing ones, so the answer never tells whether an
 * account exists. The lock of an existing account is stored by the {@link LoginLockStore} (the users table: shared
 * by several nodes, lifted by an admin); counters and the locks of unknown accounts and addresses live in memory
 * (Caffeine caches, bounded and expiring a day after the last failure), per node.
 */
@Component
public class LoginThrottle {

    /** What the throttle says about an attempt before the password is checked. */
    public enum Verdict { CHECK, TOO_SOON, LOCKED }

    /** A failure's consequence: null, or the instant until which the account or address is now locked. */
    public record Failure(Instant accountLockedUntil, Instant addressLockedUntil, int accountFailures) {
    }

    private static final class Attempts {
        int failures;
        int locks;
        Instant lastFailure;
        Instant lockedUntil;
    }

    private static final Duration MAX_LOCK = Duration.ofDays(1);

    private final Cache<String, Attempts> accounts;
    private final Cache<String, Attempts> addresses;
    private final Clock clock;
    private final LoginLockStore store;
    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration lock;

    LoginThrottle(Clock clock, LoginLockStore store,
                  @Value("${app.security.login.max-failures:5}") int maxFailures,
                  @Value("${app.security.login.max-failures-per-address:50}") int maxFailuresPerAddress,
                  @Value("${app.security.login.lock-minutes:15}") int lockMinutes) {
        this.clock = clock;
        this.store = store;
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.lock = Duration.ofMinutes(lockMinutes);
        // bounded: a flood of made-up names or addresses evicts the oldest counters instead of filling the memory;
        // the ticker is the application clock, so a moved test clock expires entries too
        this.accounts = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofDays(1))
                .ticker(() -> clock.millis() * 1_000_000L).build();
        this.addresses = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofDays(1))
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /** The form of a typed username the counters use. */
    public static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the attempt may be checked, comes too soon after a failure, or meets a lock. */
    public Verdict check(String username, String address) {
        Instant now = clock.instant();
        Attempts byAddress = address == null ? null : addresses.getIfPresent(address);
        if (byAddress != null && lockedAt(byAddress, now)) {
            return Verdict.LOCKED;
        }
        String name = normalise(username);
        var stored = store.lockedUntil(name);
        Attempts byAccount = accounts.getIfPresent(name);
        if (stored.isPresent()) {
            // an existing account: the stored lock rules (an admin may have lifted it on another node)
            if (stored.get().isAfter(now)) {
                return Verdict.LOCKED;
            }
        } else if (byAccount != null && lockedAt(byAccount, now)) {
            return Verdict.LOCKED;
        }
        if (byAccount != null && byAccount.failures >= 2 && byAccount.lastFailure != null
                && now.isBefore(byAccount.lastFailure.plus(delayAfter(byAccount.failures)))) {
            return Verdict.TOO_SOON;
        }
        return Verdict.CHECK;
    }

    private static boolean lockedAt(Attempts attempts, Instant now) {
        synchronized (attempts) {
            return attempts.lockedUntil != null && attempts.lockedUntil.isAfter(now);
        }
    }

    /** 1 s after the 2nd failure, 2 s after the 3rd, 4 s after the 4th … */
    static Duration delayAfter(int failures) {
        return Duration.ofSeconds(1L << Math.min(Math.max(failures - 2, 0), 10));
    }

    /** Counts a failure; locks the account or the address when it reaches its limit. */
    public Failure failed(String username, String address) {
        Instant now = clock.instant();
        String name = normalise(username);
        Attempts account = accounts.asMap().computeIfAbsent(name, k -> new Attempts());
        Instant accountLock = count(account, maxFailures, now);
        accounts.put(name, account); // renews the expiry
        if (accountLock != null) {
            store.lock(name, accountLock);
        }
        Instant addressLock = null;
        int failures;
        synchronized (account) {
            failures = account.failures;
        }
        if (address != null) {
            Attempts byAddress = addresses.asMap().computeIfAbsent(address, k -> new Attempts());
            addressLock = count(byAddress, maxFailuresPerAddress, now);
            addresses.put(address, byAddress);
        }
        return new Failure(accountLock, addressLock, failures);
    }

    private Instant count(Attempts attempts, int limit, Instant now) {
        synchronized (attempts) {
            attempts.failures++;
            attempts.lastFailure = now;
            if (attempts.failures < limit) {
                return null;
            }
            Duration length = lock.multipliedBy(1L << Math.min(attempts.locks, 16));
            attempts.lockedUntil = now.plus(length.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : length);
            attempts.locks++;
            attempts.failures = 0; // after the lock the count starts again, towards a longer lock
            return attempts.lockedUntil;
        }
    }

    /** A successful login: the account's failures are forgotten (the address's are not). */
    public void succeeded(String username) {
        accounts.invalidate(normalise(username));
    }

    /** An admin lifted the lock: this node's counter of the account starts from nothing. */
    public void forget(String username) {
        accounts.invalidate(normalise(username));
    }

    /** Forgets every counter (tests start from a clean state). */
    public void clear() {
        accounts.invalidateAll();
        addresses.invalidateAll();
    }

    public int maxFailures() {
        return maxFailures;
    }
}
