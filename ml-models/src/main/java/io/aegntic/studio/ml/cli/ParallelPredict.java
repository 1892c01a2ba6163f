package io.aegntic.studio.ml.cli;

import io.aegntic.studio.ml.sentiment.Sentiment;
import io.aegntic.studio.ml.sentiment.SentimentModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Predicts a whole file on every core: chunks of {@code SentimentModel}'s batch size go to one
 * thread per core, each with its own predictor and one ONNX Runtime thread. That avoids ONNX
 * Runtime's spinning thread pool (costly on a shared machine) and keeps the batches, and so the
 * results, identical to a single sequential call.
 */
final class ParallelPredict {
  private static final int CHUNK = 32;

  private ParallelPredict() {}

  static List<Sentiment> run(SentimentModel model, List<String> texts) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Sentiment>>> parts = new ArrayList<>();
      for (int start = 0; start < texts.size(); start += CHUNK) {
        List<String> chunk = texts.subList(start, Math.min(texts.size(), start + CHUNK));
        parts.add(pool.submit(() -> model.predict(chunk)));
      }
      List<Sentiment> out = new ArrayList<>(texts.size());
      for (Future<List<Sentiment>> part : parts) {
        out.addAll(part.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while predicting", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
