package io.aegntic.studio.ml.sentiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Texts (one a line) with their labels (one id a line), as the TweetEval files hold them. */
public record LabelledTexts(List<String> texts, int[] labels) {

  /** Reads a text file, one text per line; an empty file is an error. */
  public static List<String> readTexts(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        throw new IllegalArgumentException(file + ": no lines");
      }
      return lines;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Reads texts and labels and checks that they line up and every label is 0, 1 or 2. */
  public static LabelledTexts read(Path textFile, Path labelFile) {
    List<String> texts = readTexts(textFile);
    List<String> labelLines = readTexts(labelFile);
    if (labelLines.size() != texts.size()) {
      throw new IllegalArgumentException(
          labelFile
              + " has "
              + labelLines.size()
              + " labels but "
              + textFile
              + " has "
              + texts.size()
              + " texts");
    }
    int[] labels = new int[labelLines.size()];
    for (int i = 0; i < labels.length; i++) {
      String s = labelLines.get(i).trim();
      if (!s.equals("0") && !s.equals("1") && !s.equals("2")) {
        throw new IllegalArgumentException(
            labelFile + " line " + (i + 1) + ": label must be 0, 1 or 2, got '" + s + "'");
      }
      labels[i] = s.charAt(0) - '0';
    }
    return new LabelledTexts(List.copyOf(texts), labels);
  }
}
