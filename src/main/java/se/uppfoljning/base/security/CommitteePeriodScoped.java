package se.uppfoljning.base.security;

/**
 * One committee and one of its periods (implemented by {@code periods.CommitteeContext}): lets the access-denial
 * record name the committee's code and the period's slug without {@code base} or {@code audit} knowing periods.
 */
public interface CommitteePeriodScoped extends CommitteeScoped {

    /** The committee's code, as {@code Committee.code}. */
    String committeeCode();

    /** The period's address part ("2024-dr1"). */
    String periodSlug();
}
