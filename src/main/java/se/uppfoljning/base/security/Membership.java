package se.uppfoljning.base.security;

public record Membership(long committeeId, Role role) {
}
