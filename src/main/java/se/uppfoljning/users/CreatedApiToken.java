package se.uppfoljning.users;

/** A new token and its secret value, which exists only in this answer (the server keeps its SHA-256). */
public record CreatedApiToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "CreatedApiToken[" + token + "]";
    }
}
