package se.uppfoljning.structure;

public record StrategicArea(long id, String name, int sortOrder) {
}
