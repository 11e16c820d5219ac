package io.tandem.app.security;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import me.gosimple.nbvcxz.resources.DictionaryUtil;

/** Password rules and generated passwords, in one place for every form that sets one. */
public final class Passwords {

    public static final int MIN_LENGTH = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** 20 characters from an alphabet without look-alikes (about 115 bits). */
    public static String random() {
        StringBuilder out = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** Why a new password is not acceptable, or null when it is. */
    public static String problem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "Use at least " + MIN_LENGTH + " characters.";
        }
        if (password.length() > 200) {
            return "Use at most 200 characters.";
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return "The password may not contain the user name.";
        }
        if (password.chars().distinct().count() == 1) {
            return "Use more than one character repeated.";
        }
        if (Common.PASSWORDS.containsKey(password.toLowerCase(Locale.ROOT))) {
            return "That is one of the most commonly used passwords; choose another.";
        }
        return null;
    }

    /**
     * The 100,000 most commonly used passwords, as the nbvcxz library ships them (its list is
     * maintained there, not here), lower case; loaded at the first password check.
     */
    private static final class Common {
        static final Map<String, Integer> PASSWORDS = DictionaryUtil.loadUnrankedDictionary(DictionaryUtil.passwords);
    }
}
