package io.guestbench.collector.security;

import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The agent ids a verified client certificate stands for: its DNS subject alternative names and its
 * subject common name. The TLS handshake has already checked the chain against the client CA.
 */
final class CertificateIdentity {
  private static final int SAN_DNS = 2;

  private CertificateIdentity() {}

  static Optional<Identity> of(SSLSession session) {
    if (session == null) {
      return Optional.empty();
    }
    try {
      Certificate[] chain = session.getPeerCertificates();
      if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
        return Optional.empty();
      }
      return Optional.of(new Identity("certificate", names(leaf), false));
    } catch (SSLPeerUnverifiedException e) {
      return Optional.empty();
    }
  }

  private static Set<String> names(X509Certificate leaf) {
    Set<String> names = new LinkedHashSet<>();
    try {
      Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
      if (alternatives != null) {
        for (List<?> entry : alternatives) {
          if (entry.get(0) instanceof Integer type && type == SAN_DNS) {
            names.add(String.valueOf(entry.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // an unparsable extension adds no names; the common name may still identify the agent
    }
    commonName(leaf).ifPresent(names::add);
    return names;
  }

  private static Optional<String> commonName(X509Certificate leaf) {
    try {
      for (Rdn rdn : new LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return Optional.of(String.valueOf(rdn.getValue()));
        }
      }
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
