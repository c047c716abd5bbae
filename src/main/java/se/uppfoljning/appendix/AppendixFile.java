package se.uppfoljning.appendix;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A generated appendix, complete in memory before it is offered, so a failure never yields an empty file. */
public record AppendixFile(String fileName, String contentType, byte[] content) {

    public AppendixFile {
        if (content == null || content.length == 0) {
            throw new IllegalStateException("An appendix is never empty: " + fileName);
        }
    }

    /** SHA-256 of the content: the same data gives the same bytes, so this identifies a report. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
