package se.uppfoljning.report;

/** How far a section's text has come: carried over or imported (draft), written, confirmed by the secretariat. */
public enum SectionState {
    DRAFT, WRITTEN, CONFIRMED
}
