package io.agentruntime.governance.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The dynalite the tests share behaves as DynamoDB does when one of its clients dies. */
class DynaliteTest {

  @Test
  void aClientThatDiesInTheMiddleOfARequestLeavesItServingTheOthers() throws Exception {
    try (Dynalite dynalite = Dynalite.start()) {
      try (Socket socket =
          new Socket(dynalite.endpoint().getHost(), dynalite.endpoint().getPort())) {
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST / HTTP/1.1\r\nHost: dynalite\r\n"
                    + "X-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                    + "Content-Type: application/x-amz-json-1.0\r\n"
                    + "Content-Length: 100\r\n\r\n{")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        socket.setSoLinger(true, 0); // closing resets the connection, as a killed process's does
      }

      try (DynamoDbClient client =
          DynamoDbClient.builder()
              .endpointOverride(dynalite.endpoint())
              .region(Region.EU_WEST_1)
              .credentialsProvider(
                  StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
              .build()) {
        assertThat(client.listTables().tableNames()).isEmpty();
      }
      assertThat(dynalite.isRunning()).isTrue();
    }
  }
}
