package se.uppfoljning.followup;

public record StrategicArea(long id, String name, int sortOrder) {
}
