package org.aigateway.admin.token;

import java.security.SecureRandom;
import org.aigateway.protocol.model.Token;

/** Generates token keys: 48 random letters and digits from a {@link SecureRandom}. */
public final class TokenKeys {

  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenKeys() {
  }

  public static String generate() {
    char[] key = new char[Token.KEY_LENGTH];
    for (int i = 0; i < key.length; i++) {
      key[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(key);
  }
}
