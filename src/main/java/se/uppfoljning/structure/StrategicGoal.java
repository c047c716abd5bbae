package se.uppfoljning.structure;

public record StrategicGoal(long id, int number, String text, long areaId) {

    public String heading() {
        return number + ": " + text;
    }
}
