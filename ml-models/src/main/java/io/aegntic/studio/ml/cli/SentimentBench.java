package io.aegntic.studio.ml.cli;

import io.aegntic.studio.ml.sentiment.LabelledTexts;
import io.aegntic.studio.ml.sentiment.SentimentModel;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * sentiment-bench: comments per second on one core (one thread, one ONNX Runtime thread) at batch
 * sizes 1, 8 and 32, end to end (tokenise, encode, head), by wall clock and per CPU-second of the
 * calling thread. Prints figures; asserts nothing.
 */
final class SentimentBench {
  private static final int[] BATCHES = {1, 8, 32};
  private static final List<String> SAMPLE =
      List.of(
          "Loved this video, the editing is so clean!",
          "Not sure I agree with the second half, but ok.",
          "This is the worst take I've seen all week",
          "When is the next episode coming out?",
          "Honestly this made my day, thank you so much :)",
          "Audio is out of sync again from 3:20 onwards",
          "meh",
          "Great tips, I tried the lighting trick and it works. Subscribed!",
          "Why would anyone pay for this? Total waste of money and time.",
          "Posted at 5pm, saw it at 9, still watching at midnight lol");

  private final PrintStream out;

  SentimentBench(PrintStream out) {
    this.out = out;
  }

  int run(List<String> raw) {
    Args args = new Args("sentiment-bench", raw, Set.of("text", "seconds"));
    Path textFile = args.path("text", null);
    int seconds = args.integer("seconds", 5, 1, 600);
    List<String> texts = textFile == null ? SAMPLE : LabelledTexts.readTexts(textFile);
    out.printf(
        "sentiment-bench: %d texts (%s), %d s per batch size, 1 thread x 1 ONNX Runtime thread%n",
        texts.size(), textFile == null ? "built-in sample comments" : textFile, seconds);
    out.printf("%-6s %16s %16s %10s%n", "batch", "comments/s(wall)", "comments/cpu-s", "ms/batch");
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    try (SentimentModel model = SentimentModel.load(1)) {
      model.predict(texts.subList(0, Math.min(texts.size(), 32)));
      for (int batch : BATCHES) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long comments = 0;
        long batches = 0;
        int next = 0;
        while (System.nanoTime() < deadline) {
          List<String> chunk = new ArrayList<>(batch);
          for (int i = 0; i < batch; i++) {
            chunk.add(texts.get(next));
            next = (next + 1) % texts.size();
          }
          model.predict(chunk);
          comments += batch;
          batches++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        out.printf(
            "%-6d %16.1f %16.1f %10.2f%n",
            batch, comments / elapsed, comments / cpuSeconds, 1000 * elapsed / batches);
      }
    }
    out.printf(
        "cores available: %d, load average: %.2f%n",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.println(
        "comments/cpu-s counts the calling thread's CPU time (ONNX Runtime runs on it with one"
            + " intra-op thread), so it stays meaningful on a busy machine; wall figures do not.");
    return 0;
  }
}
