package se.uppfoljning.base.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends a user's open browser sessions when an admin deactivates them, changes their rights or resets their
 * password, so the change holds at once and not only at the next login. Runs after the change is committed.
 */
@Component
public class SessionTerminator {

    private static final Logger log = LoggerFactory.getLogger(SessionTerminator.class);

    private final SessionRegistry sessions;

    SessionTerminator(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    public void endSessionsOf(String username) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    expire(username);
                }
            });
        } else {
            expire(username);
        }
    }

    private void expire(String username) {
        int ended = 0;
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof UserDetails user && user.getUsername().equals(username)) {
                for (SessionInformation session : sessions.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        if (ended > 0) {
            log.info("Avslutade {} öppna sessioner för {} efter en ändring av kontot", ended, username);
        }
    }
}
