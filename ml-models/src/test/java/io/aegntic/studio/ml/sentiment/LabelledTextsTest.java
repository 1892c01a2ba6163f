package io.aegntic.studio.ml.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledTextsTest {
  @TempDir Path dir;

  @Test
  void readsAlignedFiles() throws Exception {
    Path t = Files.writeString(dir.resolve("t.txt"), "good\nbad\n");
    Path l = Files.writeString(dir.resolve("l.txt"), "2\n0\n");
    LabelledTexts data = LabelledTexts.read(t, l);
    assertThat(data.texts()).containsExactly("good", "bad");
    assertThat(data.labels()).containsExactly(2, 0);
  }

  @Test
  void countMismatchNamesBothFiles() throws Exception {
    Path t = Files.writeString(dir.resolve("t.txt"), "good\nbad\n");
    Path l = Files.writeString(dir.resolve("l.txt"), "2\n");
    assertThatThrownBy(() -> LabelledTexts.read(t, l))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 labels but")
        .hasMessageContaining("2 texts");
  }

  @Test
  void badLabelNamesTheLine() throws Exception {
    Path t = Files.writeString(dir.resolve("t.txt"), "good\nbad\n");
    Path l = Files.writeString(dir.resolve("l.txt"), "2\npositive\n");
    assertThatThrownBy(() -> LabelledTexts.read(t, l))
        .hasMessageContaining("line 2")
        .hasMessageContaining("'positive'");
  }

  @Test
  void missingFileIsClear() {
    assertThatThrownBy(() -> LabelledTexts.readTexts(dir.resolve("nope.txt")))
        .hasMessageContaining("no such file");
  }

  @Test
  void macroRecallIsTheMeanOfClassRecalls() {
    Recall r = Recall.of(new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 1, 1, 0, 0});
    assertThat(r.negative()).isEqualTo(50.0);
    assertThat(r.neutral()).isEqualTo(100.0);
    assertThat(r.positive()).isEqualTo(0.0);
    assertThat(r.macro()).isEqualTo(50.0);
  }

  @Test
  void sentimentPicksTheMostProbableLabel() {
    Sentiment s = Sentiment.of(new double[] {0.2, 0.3, 0.5});
    assertThat(s.label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(s.confidence()).isEqualTo(0.5);
    assertThat(s.polarity()).isEqualTo(0.3, org.assertj.core.data.Offset.offset(1e-12));
  }
}
