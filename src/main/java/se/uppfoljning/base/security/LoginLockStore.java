package se.uppfoljning.base.security;

import java.time.Instant;
import java.util.Optional;

/** Where an account's login lock is kept (the users table), so every application node refuses it alike. */
public interface LoginLockStore {

    /** The lock of an existing account, if it has one (expired or not); empty for an unknown account. */
    Optional<Instant> lockedUntil(String username);

    /** Locks an existing account until the instant; false when there is no such account. */
    boolean lock(String username, Instant until);
}
