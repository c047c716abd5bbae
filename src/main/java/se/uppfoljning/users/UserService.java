package se.uppfoljning.users;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.base.security.Membership;
import se.uppfoljning.users.internal.UserRepository;

import java.util.Collection;

/** Users, their committee memberships and departments; the source of Spring Security's users. */
@Service
public class UserService implements UserDetailsService {

    private final UserRepository repository;
    private final PasswordEncoder passwordEncoder;

    UserService(UserRepository repository, PasswordEncoder passwordEncoder) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return repository.findPrincipal(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long createUser(String username, String displayName, String password, Collection<Membership> memberships,
                           Collection<Long> departmentIds) {
        long id = repository.insert(username, displayName, passwordEncoder.encode(password));
        repository.addMemberships(id, memberships);
        repository.addDepartments(id, departmentIds);
        return id;
    }
}
