package se.uppfoljning.organisation;

public record Department(long id, long committeeId, String name) {
}
