package io.guestbench.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway certificate authority for TLS tests: writes PEM files (certificates, PKCS#8 keys
 * readable by the owner only) the way an operator's PKI would hand them out.
 */
public final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());
  private final Path dir;
  private final String name;
  private final KeyPair caKeys;
  private final X509CertificateHolder caCert;

  /** A certificate pair on disk. */
  public record Issued(Path certFile, Path keyFile) {}

  private TestPki(Path dir, String name) {
    this.dir = dir;
    this.name = name;
    this.caKeys = newKeys();
    X500Name subject = new X500Name("CN=" + name + " test CA");
    this.caCert =
        sign(
            subject,
            caKeys,
            new JcaX509v3CertificateBuilder(
                subject, serial(), notBefore(), notAfter(), subject, caKeys.getPublic()),
            true,
            null);
    write(caFile(), pem(caCert));
  }

  /** A new CA whose files live in {@code dir}; {@code name} keeps two CAs' files apart. */
  public static TestPki create(Path dir, String name) {
    return new TestPki(dir, name);
  }

  /** The CA certificate, as clients and servers use it to verify the other side. */
  public Path caFile() {
    return dir.resolve(name + "-ca.pem");
  }

  /** A server certificate for 127.0.0.1 and localhost. */
  public Issued server() {
    return issue(
        "server",
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(GeneralName.dNSName, "localhost")
            }));
  }

  /** A client certificate whose subject CN and DNS name are {@code identity}. */
  public Issued client(String identity) {
    return issue(identity, new GeneralNames(new GeneralName(GeneralName.dNSName, identity)));
  }

  private Issued issue(String commonName, GeneralNames names) {
    KeyPair keys = newKeys();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            caCert.getSubject(),
            serial(),
            notBefore(),
            notAfter(),
            new X500Name("CN=" + commonName),
            keys.getPublic());
    X509CertificateHolder cert = sign(caCert.getSubject(), caKeys, builder, false, names);
    Issued issued =
        new Issued(
            dir.resolve(name + "-" + commonName + ".pem"),
            dir.resolve(name + "-" + commonName + ".key"));
    write(issued.certFile(), pem(cert));
    write(issued.keyFile(), pem(keys.getPrivate()));
    ownerOnly(issued.keyFile());
    return issued;
  }

  private static X509CertificateHolder sign(
      X500Name issuer,
      KeyPair signer,
      JcaX509v3CertificateBuilder builder,
      boolean ca,
      GeneralNames names) {
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      int usage = ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature;
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
      if (names != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, names);
      }
      return builder.build(
          new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()));
    } catch (IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot sign a test certificate for " + issuer, e);
    }
  }

  private static KeyPair newKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no EC key generator", e);
    }
  }

  private static String pem(Object object) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object instanceof java.security.PrivateKey key ? pkcs8(key) : object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static Object pkcs8(java.security.PrivateKey key) {
    return new org.bouncycastle.util.io.pem.PemObject("PRIVATE KEY", key.getEncoded());
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void ownerOnly(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BigInteger serial() {
    return BigInteger.valueOf(SERIAL.incrementAndGet());
  }

  private static Date notBefore() {
    return Date.from(Instant.now().minus(Duration.ofHours(1)));
  }

  private static Date notAfter() {
    return Date.from(Instant.now().plus(Duration.ofDays(2)));
  }
}
