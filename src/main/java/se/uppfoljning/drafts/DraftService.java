package se.uppfoljning.drafts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.drafts.internal.DraftRepository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keeps what a user types in an edit dialog before they save it, per user and edited thing, so that an expired
 * session, a closed tab or a crashed browser loses nothing: the dialog writes the draft while the user types and
 * offers it when opened again. Only the user who typed a draft ever reads it. A draft is never saved as an entry by
 * itself; the feature that saves the entry calls {@link #discard} after a successful save. In a decided (locked)
 * period nothing can be saved, so no draft is kept or offered there.
 */
@Service
public class DraftService {

    /** Longest text kept per field, well above every field's own limit: a draft is no way around those. */
    public static final int MAX_FIELD_LENGTH = 20_000;

    private final DraftRepository repository;
    private final Clock clock;

    DraftService(DraftRepository repository, ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Keeps the fields as the signed-in user's draft of {@code key} (replacing an earlier one); false in a locked period. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public boolean keep(DraftKey key, Map<String, String> fields) {
        if (key.context().period().isLocked()) {
            return false;
        }
        AppUserPrincipal user = CurrentUser.get();
        Map<String, String> kept = new TreeMap<>();
        fields.forEach((name, value) -> kept.put(name, storable(value)));
        repository.upsert(user.id(), key, kept, OffsetDateTime.now(clock));
        return true;
    }

    /** jsonb cannot hold U+0000, which the entry's own save refuses anyway; a draft keeps the rest. */
    private static String storable(String value) {
        if (value == null) {
            return "";
        }
        String text = value.indexOf('\u0000') < 0 ? value : value.replace("\u0000", "");
        return text.length() > MAX_FIELD_LENGTH ? text.substring(0, MAX_FIELD_LENGTH) : text;
    }

    /** The signed-in user's draft of {@code key}; empty when there is none or the period is locked. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<Draft> find(DraftKey key) {
        if (key.context().period().isLocked()) {
            return Optional.empty();
        }
        return repository.find(CurrentUser.get().id(), key);
    }

    /** Removes the signed-in user's draft of {@code key} (after a save, or when the user throws it away). */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void discard(DraftKey key) {
        repository.delete(CurrentUser.get().id(), key);
    }
}
