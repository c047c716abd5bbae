package se.uppfoljning.base.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in user with their committee memberships and departments, as the services check them.
 * {@code mustChangePassword}: the password was set by an admin; the UI sends the user to change it first.
 */
public record AppUserPrincipal(long id, String username, String displayName, String passwordHash, boolean enabled,
                               boolean mustChangePassword, Set<Membership> memberships, Set<Long> departmentIds)
        implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    public AppUserPrincipal {
        memberships = Set.copyOf(memberships);
        departmentIds = Set.copyOf(departmentIds);
    }

    /** The identity of the application itself (demo data, imports at start-up): may do everything. */
    public static final String SYSTEM_USERNAME = "system";

    public static AppUserPrincipal system() {
        return new AppUserPrincipal(0, SYSTEM_USERNAME, "Systemet", "", true, false, Set.of(), Set.of());
    }

    public boolean isSystem() {
        return id == 0 && SYSTEM_USERNAME.equals(username);
    }

    public boolean hasRole(long committeeId, Role role) {
        return isSystem() || memberships.contains(new Membership(committeeId, role));
    }

    public boolean isMemberOf(long committeeId) {
        return isSystem() || memberships.stream().anyMatch(m -> m.committeeId() == committeeId);
    }

    public boolean hasRoleAnywhere(Role role) {
        return isSystem() || memberships.stream().anyMatch(m -> m.role() == role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        if (isSystem()) {
            return Arrays.stream(Role.values()).map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        }
        return memberships.stream().map(m -> new SimpleGrantedAuthority(m.role().authority()))
                .collect(Collectors.toSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Never expose the hash in logs. */
    @Override
    public String toString() {
        return "AppUserPrincipal[" + username + "]";
    }
}
