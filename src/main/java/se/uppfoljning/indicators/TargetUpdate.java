package se.uppfoljning.indicators;

/** A target set from the structure: as printed before ({@code null}: the item had none) and after ("minst 75"). */
public record TargetUpdate(String before, String after) {
}
