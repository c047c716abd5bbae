package se.uppfoljning.users;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.uppfoljning.base.security.SessionTerminator;
import se.uppfoljning.users.internal.SessionEndRepository;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Ends a user's browser sessions on every node serving the database, not only on the node where the admin acted.
 * {@link #endEverywhere} records the end in the caller's transaction and ends this node's sessions after the commit;
 * every node {@link #poll() reads} the ends of the last {@value #WINDOW_SECONDS} seconds every few seconds
 * ({@code app.cluster.session-end-poll}, ISO-8601, default PT5S) and ends its own sessions of those users once per
 * recorded end. The window, not the last id seen, decides what is read: ids are given at insert but become visible
 * at commit, not necessarily in order. A node ignores the ends recorded before it started (it had no sessions then).
 */
@Component
class SessionEnds {

    private static final Logger log = LoggerFactory.getLogger(SessionEnds.class);
    static final int WINDOW_SECONDS = 600;
    /** Ends are deleted a day after; a node that was down longer had no sessions to end. */
    private static final int KEEP_HOURS = 24;

    private final SessionEndRepository repository;
    private final SessionTerminator terminator;
    private final Set<Long> carriedOut = new HashSet<>();
    private boolean started;
    private int polls;

    SessionEnds(SessionEndRepository repository, SessionTerminator terminator) {
        this.repository = repository;
        this.terminator = terminator;
    }

    /** Ends {@code username}'s sessions on this node after the commit, and on the others within a poll. */
    void endEverywhere(String username) {
        repository.record(username);
        terminator.endSessionsOf(username);
    }

    /** Carries out the ends other nodes (or this one) recorded lately; the first poll only takes note of them. */
    @Scheduled(fixedDelayString = "${app.cluster.session-end-poll:PT5S}", initialDelayString = "PT0S")
    synchronized void poll() {
        try {
            List<SessionEndRepository.Ended> recent = repository.recent(WINDOW_SECONDS);
            Set<Long> inWindow = new HashSet<>();
            for (SessionEndRepository.Ended end : recent) {
                inWindow.add(end.id());
                if (carriedOut.add(end.id()) && started) {
                    terminator.endSessionsOf(end.username());
                }
            }
            carriedOut.retainAll(inWindow);
            started = true;
            if (++polls % 720 == 0) {
                repository.deleteOlderThan(KEEP_HOURS);
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment (failover); the next poll catches up within the window
            log.warn("Kunde inte läsa avslutade sessioner: {}", e.getMessage());
        }
    }
}
