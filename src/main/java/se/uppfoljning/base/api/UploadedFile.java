package se.uppfoljning.base.api;

import org.springframework.web.multipart.MultipartFile;
import se.uppfoljning.base.error.ValidationException;

import java.io.IOException;

/**
 * A file sent to an import endpoint of the API, either as the raw request body (name in the {@code X-File-Name}
 * header) or as the multipart field {@code file}: the imports' controllers offer both and hand the service one
 * shape. An empty body is an empty file (the import's reader refuses it with its own message).
 *
 * @param name    the file's name as sent, or the endpoint's fallback
 * @param content the bytes, never null
 */
public record UploadedFile(String name, byte[] content) {

    /** The raw body; {@code name} null → {@code fallbackName}, body null → no bytes. */
    public static UploadedFile ofBody(byte[] body, String name, String fallbackName) {
        return new UploadedFile(name == null ? fallbackName : name, body == null ? new byte[0] : body);
    }

    /**
     * The multipart field {@code file}.
     *
     * @throws ValidationException {@code upload.error.noFilePart} (422) when the request has no such field
     * @throws IOException         when the part cannot be read
     */
    public static UploadedFile ofPart(MultipartFile file) throws IOException {
        if (file == null) {
            throw new ValidationException("upload.error.noFilePart");
        }
        return new UploadedFile(file.getOriginalFilename(), file.getBytes());
    }
}
