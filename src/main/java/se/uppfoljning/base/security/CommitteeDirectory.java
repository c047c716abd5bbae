package se.uppfoljning.base.security;

/**
 * Finds a committee by its address part ("ks") for {@link CommitteeAccess}, so a service method that receives a
 * committee slug can declare its rule on it ({@code @committeeAccess.may(#committeeSlug, 'MANAGE_PERIODS')}).
 * Implemented by the feature that owns committees; base knows no feature.
 */
public interface CommitteeDirectory {

    /**
     * The id of the committee with this slug. Unknown → {@code NotFoundException} ("error.committeeNotFound", 404),
     * thrown before any right is decided, as a look-up in the method's body would.
     */
    long committeeIdOf(String committeeSlug);
}
