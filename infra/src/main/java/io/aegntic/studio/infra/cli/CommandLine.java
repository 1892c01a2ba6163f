package io.aegntic.studio.infra.cli;

import io.aegntic.studio.infra.StackException;
import java.util.ArrayList;
import java.util.List;

/** Splits a command line into arguments at whitespace, honouring single and double quotes. */
final class CommandLine {

  private CommandLine() {}

  static List<String> split(String line) {
    List<String> args = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inArg = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          current.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inArg = true;
      } else if (Character.isWhitespace(c)) {
        if (inArg) {
          args.add(current.toString());
          current.setLength(0);
          inArg = false;
        }
      } else {
        current.append(c);
        inArg = true;
      }
    }
    if (quote != 0) {
      throw new StackException("Unbalanced " + quote + " quote in command: " + line);
    }
    if (inArg) {
      args.add(current.toString());
    }
    if (args.isEmpty()) {
      throw new StackException("Empty command");
    }
    return args;
  }
}
