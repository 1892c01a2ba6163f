package io.aegntic.studio.ml.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads the real int8 MiniLM through DJL's ONNX Runtime engine with network-dependent settings off.
 */
class SentimentModelIT {
  /** Every URL connection asks the default ProxySelector first: record any attempt. */
  private static final List<URI> NETWORK_ATTEMPTS = new CopyOnWriteArrayList<>();

  private static ProxySelector previous;
  private static SentimentModel model;

  @BeforeAll
  static void load() {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
    previous = ProxySelector.getDefault();
    ProxySelector.setDefault(
        new ProxySelector() {
          @Override
          public List<Proxy> select(URI uri) {
            NETWORK_ATTEMPTS.add(uri);
            throw new IllegalStateException("network access attempted: " + uri);
          }

          @Override
          public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        });
    model = SentimentModel.load(1);
  }

  @AfterAll
  static void close() {
    if (model != null) {
      model.close();
    }
    ProxySelector.setDefault(previous);
  }

  @Test
  void clearCasesGetTheObviousLabel() {
    List<Sentiment> results =
        model.predict(
            List.of(
                "I absolutely love this, best video ever! Thank you so much :)",
                "This is terrible. Worst product I have ever bought, total waste of money.",
                "The new episode will be uploaded on Tuesday at 5pm."));
    assertThat(results.get(0).label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(results.get(1).label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(results.get(2).label()).isEqualTo(SentimentLabel.NEUTRAL);
    for (Sentiment s : results) {
      assertThat(s.negative() + s.neutral() + s.positive())
          .isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(s.confidence()).isGreaterThan(1.0 / 3);
    }
  }

  @Test
  void nothingTouchedTheNetwork() {
    model.predict(List.of("one more call after loading"));
    assertThat(NETWORK_ATTEMPTS).isEmpty();
    assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
  }

  @Test
  void concurrentCallersGetTheSameAnswersAsOneCaller() throws Exception {
    List<String> texts =
        List.of("so happy today", "this sucks", "meeting moved to 3pm", "not good at all");
    List<Sentiment> expected = model.predict(texts);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<List<Sentiment>>> futures =
          pool.invokeAll(
              List.of(
                  () -> model.predict(texts),
                  () -> model.predict(texts),
                  () -> model.predict(texts)));
      for (Future<List<Sentiment>> f : futures) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void emptyAndNullTextsAreHandled() {
    assertThat(model.predict(List.of())).isEmpty();
    assertThat(model.predict((String) null).label()).isNotNull();
    assertThat(model.predict("")).isNotNull();
  }

  @Test
  void missingHeadFailsAtStartNamingTheFile() {
    assertThatThrownBy(() -> SentimentModel.load(1, "models/absent-head.bin"))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("models/absent-head.bin");
  }
}
