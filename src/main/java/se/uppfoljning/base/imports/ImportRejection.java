package se.uppfoljning.base.imports;

import se.uppfoljning.base.error.DomainException;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.security.SecurityEvent;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The security event of a refused import file: file name, SHA-256, number of errors and the first one. */
public final class ImportRejection {

    private ImportRejection() {
    }

    public static SecurityEvent event(Long committeeId, String kind, String fileName, byte[] content,
                                      DomainException refusal, Messages messages) {
        String name = fileName == null || fileName.isBlank() ? "–" : fileName.strip();
        int errors = Math.max(1, refusal.details().size());
        String first = refusal.details().isEmpty() ? messages.of(refusal) : describe(refusal.details().get(0));
        return new SecurityEvent(SecurityEvent.IMPORT_REJECTED, SecurityEvent.currentUsername(), null, committeeId,
                name, messages.get("audit.security.importRejected", kind, sha256(content), errors, first));
    }

    private static String describe(ErrorDetail detail) {
        return Messages.describe(detail);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content == null ? new byte[0] : content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
