package io.aegntic.studio.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.ingest.simulator.DemoActivity;
import io.aegntic.studio.ingest.simulator.Draft;
import io.aegntic.studio.ingest.simulator.WebhookSigner;
import io.aegntic.studio.ingest.webhook.TestSetup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Answers sent before the request body was read (413 by Content-Length or while streaming, 415)
 * must leave a keep-alive connection usable: on the same raw socket, the rest of the refused body
 * and then a valid delivery follow, and the valid delivery is answered 200. A server that left the
 * unread body in the stream would mis-frame it as the next request, or wait for it forever.
 */
class KeepAliveAfterEarlyAnswerIT extends IngestItSupport {
  /** A few rounds each: the timing of the early answer against the client's writes varies. */
  private static final int ROUNDS = 5;

  @LocalServerPort int port;

  @Test
  void oversizedByLengthThenValid() throws Exception {
    for (int i = 0; i < ROUNDS; i++) {
      try (Socket s = socket()) {
        OutputStream out = s.getOutputStream();
        int size = 1024 * 1024 + 1;
        out.write(head("/webhooks/meta", "application/json", size));
        out.write(new byte[64 * 1024]);
        out.flush();
        assertThat(status(s.getInputStream())).isEqualTo(413);
        out.write(new byte[size - 64 * 1024]);
        out.write(valid());
        out.flush();
        assertThat(status(s.getInputStream())).as("round " + i).isEqualTo(200);
      }
    }
  }

  @Test
  void wrongTypeWithLateBodyThenValid() throws Exception {
    for (int i = 0; i < ROUNDS; i++) {
      try (Socket s = socket()) {
        OutputStream out = s.getOutputStream();
        out.write(head("/webhooks/meta", "text/plain", 2));
        out.flush();
        assertThat(status(s.getInputStream())).isEqualTo(415);
        out.write("{}".getBytes(StandardCharsets.US_ASCII));
        out.write(valid());
        out.flush();
        assertThat(status(s.getInputStream())).as("round " + i).isEqualTo(200);
      }
    }
  }

  @Test
  void wrongTypeThenValidInOneWrite() throws Exception {
    for (int i = 0; i < ROUNDS; i++) {
      try (Socket s = socket()) {
        OutputStream out = s.getOutputStream();
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(head("/webhooks/meta", "text/plain", 2));
        both.write("{}".getBytes(StandardCharsets.US_ASCII));
        both.write(valid());
        out.write(both.toByteArray());
        out.flush();
        assertThat(status(s.getInputStream())).isEqualTo(415);
        assertThat(status(s.getInputStream())).as("round " + i).isEqualTo(200);
      }
    }
  }

  @Test
  void oversizedChunkedThenValid() throws Exception {
    for (int i = 0; i < ROUNDS; i++) {
      try (Socket s = socket()) {
        OutputStream out = s.getOutputStream();
        String h =
            "POST /webhooks/x HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
        out.write(h.getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[64 * 1024];
        for (int c = 0; c < 17; c++) {
          out.write(
              (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
        assertThat(status(s.getInputStream())).isEqualTo(413);
        for (int c = 0; c < 7; c++) {
          out.write(
              (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(valid());
        out.flush();
        assertThat(status(s.getInputStream())).as("round " + i).isEqualTo(200);
      }
    }
  }

  private Socket socket() throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout(20_000);
    return s;
  }

  private static byte[] head(String path, String type, int length) {
    return ("POST "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
            + type
            + "\r\nContent-Length: "
            + length
            + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] valid() throws IOException {
    Draft d = new DemoActivity(CREATORS, 3).next(Instant.now());
    StringBuilder h = new StringBuilder();
    h.append("POST /webhooks/").append(d.platform()).append(" HTTP/1.1\r\nHost: localhost\r\n");
    h.append("Content-Type: ").append(d.contentType()).append("\r\n");
    new WebhookSigner(TestSetup.SIMULATOR_SECRETS)
        .sign(d, Instant.now())
        .forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
    h.append("Content-Length: ").append(d.body().length).append("\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(d.body());
    return out.toByteArray();
  }

  /** Reads one response (Content-Length framed) and returns its status, or -1 on close. */
  private static int status(InputStream in) throws IOException {
    String line = line(in);
    if (line == null) {
      return -1;
    }
    int status = Integer.parseInt(line.split(" ")[1]);
    int length = 0;
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(h.substring(15).trim());
      }
    }
    in.readNBytes(length);
    return status;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        return b.toString().replace("\r", "");
      }
      b.append((char) c);
    }
    return b.isEmpty() ? null : b.toString();
  }
}
