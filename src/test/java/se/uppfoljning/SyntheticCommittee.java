package se.uppfoljning;

import org.springframework.stereotype.Component;
import se.uppfoljning.base.security.Membership;
import se.uppfoljning.base.security.Role;
import se.uppfoljning.base.security.SystemUser;
import se.uppfoljning.organisation.Committee;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodKind;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.periods.ReportingPeriod;
import se.uppfoljning.structure.StructureImportService;
import se.uppfoljning.users.UserService;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A committee with as many goals, indicators and assignments as a test or benchmark asks for, loaded through the
 * same import as the demo data: the shape of the real report, scaled up.
 */
@Component
public class SyntheticCommittee {

    private static final List<String> STATUSES_GOAL = List.of("Uppfylls", "Uppfylls delvis", "Uppfylls ej", "");
    private static final List<String> STATUSES_ASSIGNMENT = List.of("Genomfört", "Påbörjat", "Ej påbörjat");

    private final OrganisationService organisation;
    private final PeriodService periods;
    private final StructureImportService structureImport;

    SyntheticCommittee(OrganisationService organisation, StructureImportService structureImport,
                      PeriodService periods) {
        this.periods = periods;
        this.organisation = organisation;
        this.structureImport = structureImport;
    }

    /**
     * Puts the database back to the demo plus committee "synt" with 1 000 rows in 2024-dr1 and its secretary
     * "synt-sekr" (password "demo-demo"): built once per test run, restored from a copy afterwards, so the test classes
     * that read a large committee share one import.
     */
    public void resetToSynt1000(TestData testData, UserService users) {
        testData.resetTo("synt1000", () -> {
            CommitteeContext context = create("synt", 1000);
            SystemUser.run(() -> users.createUser("synt-sekr", "Syntetisk Sekreterare", "demo-demo",
                    List.of(new Membership(context.committee().id(), Role.SECRETARIAT)), Set.of()));
        });
    }

    /** Creates committee {@code slug} with {@code rows} rows in period "2024-dr1"; the demo data must be loaded. */
    public CommitteeContext create(String slug, int rows) {
        return SystemUser.call(() -> {
            Committee ks = organisation.committee("ks");
            Committee committee = organisation.createCommittee(ks.organisationId(), slug, slug.toUpperCase(),
                    "Syntetisk nämnd " + slug);
            for (int d = 1; d <= 10; d++) {
                organisation.createDepartment(committee.id(), "Avdelning " + d);
            }
            ReportingPeriod period = periods.createPeriod(committee.id(), "2024-dr1",
                    "Delårsrapport med prognos 1 2024", PeriodKind.DR1, 2024, LocalDate.of(2024, 3, 31));
            CommitteeContext context = new CommitteeContext(committee, period);
            structureImport.importFile(context, slug + ".csv", csv(rows), true);
            return context;
        });
    }

    static byte[] csv(int rows) {
        String[] areas = SeedReport.AREAS.toArray(String[]::new);
        StringBuilder csv = new StringBuilder(
                "omrade;strategiskt_mal_nr;strategiskt_mal;typ;nummer;text;malvarde;agare;osb_ar;kvarstaende;prognos;kommentar\n");
        for (int i = 0; i < rows; i++) {
            String area = areas[i % areas.length];
            String owner = "Avdelning " + (i % 10 + 1);
            String comment = "Kommentar till rad " + i + ": arbetet går enligt plan och bedöms nå målet under året.";
            if (i % 3 == 2) {
                csv.append(area).append(";;;uppdrag;;Syntetiskt uppdrag nummer ").append(i).append(";;").append(owner)
                        .append(";2024;nej;").append(STATUSES_ASSIGNMENT.get(i % 3)).append(';').append(comment).append('\n');
            } else {
                int goal = 100 + (i / 20) % 40 * 5 + i % areas.length;
                csv.append(area).append(';').append(goal).append(";Syntetiskt strategiskt mål ").append(goal).append(';')
                        .append(i % 2 == 0 ? "nämndmål" : "indikator").append(';').append(goal).append('.').append(i)
                        .append(";Syntetiskt mål nummer ").append(i).append(";öka;").append(owner).append(";2024;nej;")
                        .append(STATUSES_GOAL.get(i % 4)).append(';').append(comment).append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
