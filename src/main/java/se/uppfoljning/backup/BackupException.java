package se.uppfoljning.backup;

/** A backup or restore that was refused or failed; the message is Swedish, for the operator. Nothing was changed. */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
