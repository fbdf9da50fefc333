package io.guestbench.agent.probe.net.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerSecretTest {
  @TempDir Path dir;

  @Test
  void aPrivateFileLoadsWithoutItsWhitespace() throws Exception {
    PeerSecret secret =
        ((PeerSecret.Found) PeerSecret.load(file("0123456789abcdef\n", "rw-------"))).secret();
    PeerSecret same = PeerSecret.of("0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    byte[] nonce = new byte[16];
    byte[] hello = {1, 2, 3};
    assertThat(secret.verify(nonce, hello, same.mac(nonce, hello))).isTrue();
    assertThat(PeerSecret.load(file("0123456789abcdef", "rw-r-----")))
        .isInstanceOf(PeerSecret.Found.class);
  }

  @Test
  void aWorldReadableShortOrMissingFileIsRefused() throws Exception {
    assertThat(PeerSecret.load(file("0123456789abcdef", "rw-r--r--")))
        .isEqualTo(new PeerSecret.Problem("readable by others", "mode 600 or 640"));
    assertThat(PeerSecret.load(file("short", "rw-------")))
        .isEqualTo(new PeerSecret.Problem("5 bytes long", "a token of at least 16 bytes"));
    PeerSecret.Problem missing = (PeerSecret.Problem) PeerSecret.load(dir.resolve("nope"));
    assertThat(missing.line("net.secret_file", dir.resolve("nope")))
        .endsWith("nope is unreadable (NoSuchFileException) (expected: a readable file)");
  }

  @Test
  void aProofIsBoundToTheNonceAndTheHello() {
    PeerSecret secret = PeerSecret.of("0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    PeerSecret other = PeerSecret.of("fedcba9876543210".getBytes(StandardCharsets.UTF_8));
    byte[] nonce = new byte[16];
    byte[] hello = {1, 2, 3};
    byte[] proof = secret.mac(nonce, hello);
    assertThat(
            secret.verify(
                new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, hello, proof))
        .isFalse();
    assertThat(secret.verify(nonce, new byte[] {1, 2, 4}, proof)).isFalse();
    assertThat(secret.verify(nonce, hello, other.mac(nonce, hello))).isFalse();
    assertThat(secret.verify(nonce, hello, new byte[0])).isFalse();
  }

  private Path file(String content, String perms) throws Exception {
    Path f = Files.createTempFile(dir, "secret", "");
    Files.writeString(f, content);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
    return f;
  }
}
