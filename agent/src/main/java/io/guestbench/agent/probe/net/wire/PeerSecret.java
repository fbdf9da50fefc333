package io.guestbench.agent.probe.net.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A shared secret both ends of a test hold. It never crosses the wire: the client proves it with an
 * HMAC-SHA256 over the peer's fresh nonce and the exact hello it sent, so a recorded handshake
 * cannot be replayed and a hello cannot be altered in flight.
 */
public final class PeerSecret {
  private static final String HMAC = "HmacSHA256";
  private static final int MIN_BYTES = 16;
  private static final int MAX_BYTES = 4096;

  private final byte[] key;

  private PeerSecret(byte[] key) {
    this.key = key;
  }

  /** How loading a secret file went. */
  public sealed interface Loaded {}

  /** The secret. */
  public record Found(PeerSecret secret) implements Loaded {}

  /**
   * Why the file cannot be used.
   *
   * @param found what is wrong with it, for example {@code readable by others}
   * @param expected what would be right
   */
  public record Problem(String found, String expected) implements Loaded {
    /** One line naming the setting: {@code key: FILE is FOUND (expected: EXPECTED)}. */
    public String line(String key, Path file) {
      return key + ": " + file + " is " + found + " (expected: " + expected + ")";
    }
  }

  /**
   * Reads a secret file: its content without surrounding whitespace, at least 16 bytes. A file that
   * others may read is refused, since anyone on the machine could then run tests as us.
   */
  public static Loaded load(Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      if (perms.contains(PosixFilePermission.OTHERS_READ)) {
        return new Problem("readable by others", "mode 600 or 640");
      }
      if (Files.size(file) > MAX_BYTES) {
        return new Problem("larger than " + MAX_BYTES + " bytes", "one token");
      }
      byte[] key = Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
      if (key.length < MIN_BYTES) {
        return new Problem(key.length + " bytes long", "a token of at least 16 bytes");
      }
      return new Found(new PeerSecret(key));
    } catch (IOException | UnsupportedOperationException e) {
      return new Problem("unreadable (" + e.getClass().getSimpleName() + ")", "a readable file");
    }
  }

  /** A secret from bytes already in memory (tests). */
  public static PeerSecret of(byte[] key) {
    if (key.length < MIN_BYTES) {
      throw new IllegalArgumentException("a secret needs at least " + MIN_BYTES + " bytes");
    }
    return new PeerSecret(key.clone());
  }

  /** The proof for a nonce and a hello payload. */
  public byte[] mac(byte[] nonce, byte[] helloPayload) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      mac.update(nonce);
      return mac.doFinal(helloPayload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has " + HMAC, e);
    }
  }

  /** Whether {@code proof} is the right MAC; compares in constant time. */
  public boolean verify(byte[] nonce, byte[] helloPayload, byte[] proof) {
    return MessageDigest.isEqual(mac(nonce, helloPayload), proof);
  }
}
