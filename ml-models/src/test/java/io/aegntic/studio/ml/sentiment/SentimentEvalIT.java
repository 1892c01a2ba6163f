package io.aegntic.studio.ml.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.ml.SharedData;
import io.aegntic.studio.ml.cli.MlCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The done-when check: sentiment-eval on the TweetEval val split prints macro recall >= 65. */
class SentimentEvalIT {
  @Test
  void valMacroRecallIsAtLeastSixtyFive() {
    Path data = SharedData.dir("tweeteval-sentiment");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        MlCli.run(
            new String[] {
              "sentiment-eval",
              "--text",
              data.resolve("val_text.txt").toString(),
              "--labels",
              data.resolve("val_labels.txt").toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    System.out.print(text);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(text).contains("recall negative:", "recall neutral:", "recall positive:");
    Matcher m = Pattern.compile("macro recall: ([0-9.]+)").matcher(text);
    assertThat(m.find()).as(text).isTrue();
    assertThat(Double.parseDouble(m.group(1))).isGreaterThanOrEqualTo(65.0);
  }
}
