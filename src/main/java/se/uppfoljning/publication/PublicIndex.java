package se.uppfoljning.publication;

import java.util.List;

/** An organisation's public start page and open-data index: its published committees and their decided periods. */
public record PublicIndex(PublicOrganisation organisation, List<Entry> committees) {

    public PublicIndex {
        committees = List.copyOf(committees);
    }

    /** A published committee with its decided periods, newest first (possibly none yet). */
    public record Entry(PublicCommittee committee, List<PublicPeriod> periods) {
        public Entry {
            periods = List.copyOf(periods);
        }
    }
}
