package se.uppfoljning.base.security;

/**
 * Something that belongs to one committee (a committee, a committee and period): what a service's
 * {@code @PreAuthorize("@committeeAccess.may(#context, 'RIGHT')")} decides on.
 */
public interface CommitteeScoped {

    /** The committee's id. */
    long committeeId();
}
