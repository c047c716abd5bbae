package se.uppfoljning.indicators;

/**
 * The application's proposed assessment from the latest value and the target; the official decides, a proposal is
 * never saved as the assessment. {@code status}: a label of the organisation's goal scale, or null when no proposal
 * can be made ({@code outcome} says why); {@code calculation}: the Swedish sentence showing how it was reached.
 */
public record Proposal(Outcome outcome, String status, String calculation) {

    public enum Outcome {
        /** The latest value meets the target. */
        MET,
        /** The latest value misses the target. */
        NOT_MET,
        /** No target (or "inget målvärde"). */
        NO_TARGET,
        /** No measured value yet. */
        NO_VALUE,
        /** "öka"/"minska" without a value to compare with. */
        NO_COMPARISON
    }

    public boolean proposes() {
        return status != null;
    }
}
