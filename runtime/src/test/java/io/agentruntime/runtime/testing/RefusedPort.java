package io.agentruntime.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that refuses every connection for as long as this is open: a socket bound to it
 * that never listens. A port merely closed again may be taken by any other process meanwhile (on a
 * machine that runs other builds' servers, it is), and the test would meet a stranger.
 */
public final class RefusedPort implements AutoCloseable {

  private final Socket holder;

  private RefusedPort(Socket holder) {
    this.holder = holder;
  }

  public static RefusedPort reserve() {
    Socket holder = new Socket();
    try {
      holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return new RefusedPort(holder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reserve a loopback port", e);
    }
  }

  public int port() {
    return holder.getLocalPort();
  }

  @Override
  public void close() {
    try {
      holder.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
