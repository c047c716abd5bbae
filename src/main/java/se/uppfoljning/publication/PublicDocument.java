package se.uppfoljning.publication;

/**
 * A stored, decided document: {@code kind} BILAGA_1/BILAGA_2, {@code format} DOCX/PDF, the file name as the
 * municipality names it, its SHA-256 (hex) and {@code path}, its address below the period's page.
 */
public record PublicDocument(String kind, String title, String format, String fileName, String sha256, String path) {
}
