package se.uppfoljning.organisation;

public record Committee(long id, long organisationId, String slug, String code, String name) {
}
