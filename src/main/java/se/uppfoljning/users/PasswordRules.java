package se.uppfoljning.users;

import se.uppfoljning.base.error.ValidationException;

import java.util.Locale;
import java.util.Set;

/** The rules every password set by a person obeys (the application's own demo users are exempt). */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    /** A few of the most common passwords of that length (compared without regard to case). */
    private static final Set<String> COMMON = Set.of(
            "password12", "password123", "password1234", "passw0rd12", "lösenord12", "lösenord123", "losenord123",
            "lösenord1234", "1234567890", "0123456789", "0987654321", "qwertyuiop", "qwerty1234", "qwerty12345",
            "asdfghjkl1", "abcdefghij", "abc1234567", "iloveyou12", "sommar2024", "sommar2025", "sommar2026",
            "vinter2024", "vinter2025", "vinter2026", "välkommen1", "välkommen123", "valkommen1", "valkommen123",
            "hejhejhej1", "uppfoljning", "uppföljning", "administrator", "admin12345", "kommunen123");

    private PasswordRules() {
    }

    /** Throws a ValidationException with the Swedish reason when the password breaks a rule. */
    public static void check(String username, String password) {
        if (password == null || password.isBlank()) {
            throw new ValidationException("users.error.passwordRequired");
        }
        if (password.length() < MIN_LENGTH) {
            throw new ValidationException("users.error.passwordTooShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw new ValidationException("users.error.passwordTooLong", MAX_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            throw new ValidationException("users.error.passwordContainsUsername");
        }
        if (COMMON.contains(lower)) {
            throw new ValidationException("users.error.passwordTooCommon");
        }
    }
}
