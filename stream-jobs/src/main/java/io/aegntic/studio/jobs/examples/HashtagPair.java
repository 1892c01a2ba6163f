package io.aegntic.studio.jobs.examples;

/**
 * How often two hashtags were used together by one creator's audience in one window (a Flink POJO:
 * public fields and a no-arg constructor, so Flink serialises it without Kryo). {@code first} sorts
 * before {@code second}.
 */
public final class HashtagPair {
  public String creatorId;
  public String first;
  public String second;
  public long count;
  public long windowEnd;

  public HashtagPair() {}

  HashtagPair(String creatorId, String first, String second, long count) {
    this.creatorId = creatorId;
    this.first = first;
    this.second = second;
    this.count = count;
  }

  String key() {
    return creatorId + '|' + first + '|' + second;
  }

  @Override
  public String toString() {
    return creatorId
        + " #"
        + first
        + " + #"
        + second
        + " x"
        + count
        + " (window ending "
        + windowEnd
        + ")";
  }
}
