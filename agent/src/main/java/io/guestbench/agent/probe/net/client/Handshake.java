package io.guestbench.agent.probe.net.client;

import io.guestbench.agent.probe.net.wire.Control;
import io.guestbench.agent.probe.net.wire.ControlCodec;
import io.guestbench.agent.probe.net.wire.TestRequest;

/** The client's half of hello, challenge, auth and the peer's verdict. */
final class Handshake {
  private Handshake() {}

  static Control.Accept run(ControlLink link, NetTarget target, TestRequest request)
      throws PeerFailure, InterruptedException {
    String peer = target.address();
    Control.Hello hello = new Control.Hello(request);
    link.send(hello);
    Control answer = link.receive(TestSession.ANSWER_NANOS, "answer our hello");
    Control.Challenge challenge =
        switch (answer) {
          case Control.Challenge c -> c;
          case Control.Hello h ->
              throw new PeerFailure(
                  peer + " sent our hello back: it is not a guestbench peer (an echo service?)");
          case Control.Refused r ->
              throw new PeerFailure(peer + " refused the test: " + r.reason());
          default -> throw new PeerFailure(peer + " answered the hello with " + answer.type() + "");
        };
    if (challenge.secretRequired() && target.secret().isEmpty()) {
      throw new PeerFailure(peer + " requires a shared secret (secret_file, --secret-file)");
    }
    byte[] mac =
        target
            .secret()
            .map(s -> s.mac(challenge.nonce(), ControlCodec.payloadBytes(hello)))
            .orElse(new byte[0]);
    link.send(new Control.Auth(mac));
    Control verdict = link.receive(TestSession.ANSWER_NANOS, "accept or refuse the test");
    return switch (verdict) {
      case Control.Accept a -> a;
      case Control.Busy b -> throw new PeerFailure(peer + " is " + b.reason());
      case Control.Refused r -> throw new PeerFailure(peer + " refused the test: " + r.reason());
      default -> throw new PeerFailure(peer + " answered the auth with " + verdict.type());
    };
  }
}
