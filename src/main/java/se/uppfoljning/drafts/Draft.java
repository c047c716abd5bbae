package se.uppfoljning.drafts;

import java.time.OffsetDateTime;
import java.util.Map;

/** Unsaved field values (field name → text) and when they were last kept. */
public record Draft(Map<String, String> fields, OffsetDateTime savedAt) {

    public Draft {
        fields = Map.copyOf(fields);
    }

    public String field(String name) {
        return fields.getOrDefault(name, "");
    }
}
