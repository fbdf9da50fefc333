package io.guestbench.agent.probe.net.client;

/** A request/response loop as the probe thread drives it; the loop itself runs on an event loop. */
sealed interface RrDriver permits TcpRrLoop, CrrLoop, UdpRrLoop {
  /** Starts sending (warm-up). */
  void start();

  /** Marks the start of the measured time. Any thread. */
  default void measure() {
    recorder().measure();
  }

  /** The recorder the loop measures into. */
  RrRecorder recorder();

  /** Asks the loop to stop; the recorder's future completes on the loop's thread. */
  void stop();
}
