package se.uppfoljning.organisation;

import se.uppfoljning.base.security.CommitteeScoped;

public record Committee(long id, long organisationId, String slug, String code, String name) implements CommitteeScoped {

    @Override
    public long committeeId() {
        return id;
    }
}
