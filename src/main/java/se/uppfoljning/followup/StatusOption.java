package se.uppfoljning.followup;

import se.uppfoljning.structure.StatusScale;

/** One value of a status scale; tone is a Lumo badge variant (success, warning, error, contrast). */
public record StatusOption(long id, StatusScale scale, String label, String tone) {
}
