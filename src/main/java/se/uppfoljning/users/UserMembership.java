package se.uppfoljning.users;

import se.uppfoljning.base.security.Role;

public record UserMembership(long committeeId, String committeeCode, Role role) {
}
