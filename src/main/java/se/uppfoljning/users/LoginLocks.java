package se.uppfoljning.users;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.base.security.LoginLockStore;
import se.uppfoljning.base.security.Unrestricted;
import se.uppfoljning.users.internal.UserRepository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** The login locks of existing accounts, in the users table (column {@code locked_until}). */
@Service
class LoginLocks implements LoginLockStore {

    private final UserRepository repository;

    LoginLocks(UserRepository repository) {
        this.repository = repository;
    }

    /** An account without a lock answers "locked until the epoch": known, and not locked. */
    @Override
    @Transactional(readOnly = true)
    @Unrestricted("the login throttle asks it before anyone is signed in")
    public Optional<Instant> lockedUntil(String username) {
        return repository.lockedUntil(username).map(lock -> lock.map(t -> t.toInstant()).orElse(Instant.EPOCH));
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @Unrestricted("the login throttle locks before anyone is signed in")
    public boolean lock(String username, Instant until) {
        return repository.setLockedUntil(username, until.atOffset(ZoneOffset.UTC)) > 0;
    }
}
