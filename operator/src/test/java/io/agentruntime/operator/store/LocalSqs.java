package io.agentruntime.operator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A real SQS-compatible server (ElasticMQ) in this process on a loopback port, for the queues the
 * operator creates; each test starts its own.
 */
public final class LocalSqs implements AutoCloseable {

  private final SQSRestServer server;
  private final URI endpoint;
  private final SqsClient client;

  private LocalSqs(SQSRestServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
    this.client =
        SqsClient.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(endpoint)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
  }

  /** Starts a server on a free loopback port. */
  public static LocalSqs start() {
    int port = freePort();
    SQSRestServer server =
        SQSRestServerBuilder.withInterface("127.0.0.1")
            .withPort(port)
            .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
            .start();
    server.waitUntilStarted();
    return new LocalSqs(server, URI.create("http://127.0.0.1:" + port));
  }

  /** Where the operator reaches it (its SQS endpoint). */
  public URI endpoint() {
    return endpoint;
  }

  /** A client of the server, to look at the queues as a test. */
  public SqsClient client() {
    return client;
  }

  /** A loopback endpoint nothing listens on: SQS unreachable. */
  public static URI unreachable() {
    return URI.create("http://127.0.0.1:" + freePort());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    server.stopAndWait();
  }
}
