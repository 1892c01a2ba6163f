package io.aegntic.studio.ingest.simulator;

import io.aegntic.studio.events.DemoCreators;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the simulator's platform APIs serve: YouTube channels and TikTok accounts with their videos,
 * counters that grow with time (fast while a video is young), YouTube comments, and the OAuth
 * tokens it issued. Videos the webhook loop announces are added here, so polled and pushed data
 * agree. Thread-safe: every method is synchronized.
 */
public final class ApiState {
  private final Map<String, Account> accounts = new HashMap<>();
  private final Map<String, Grant> tokens = new HashMap<>();
  private final Map<String, Grant> refreshTokens = new HashMap<>();
  private final Random random;
  private final Duration tokenLifetime;
  private long seq;
  private boolean growing;

  public ApiState(long seed, Duration tokenLifetime) {
    this.random = new Random(seed);
    this.tokenLifetime = tokenLifetime;
  }

  /**
   * The demo creators' YouTube, TikTok, X and Instagram accounts, a few posts each, and their seed
   * tokens.
   */
  public static ApiState demo(long seed, Instant now) {
    ApiState s = new ApiState(seed, Duration.ofMinutes(10));
    s.growing = true;
    for (DemoCreators.Creator c : DemoCreators.ALL) {
      s.account("youtube", c.youtubeChannel(), 12_000 + s.random.nextInt(5000));
      s.account("tiktok", c.tiktokOpenId(), 30_000 + s.random.nextInt(9000));
      s.account("x", c.x(), 8_000 + s.random.nextInt(4000));
      s.account("instagram", c.instagram(), 20_000 + s.random.nextInt(8000));
      s.account("linkedin", c.linkedinOrg(), 3_000 + s.random.nextInt(2000));
      for (String p : DemoCreators.POLLED) {
        String account = c.account(p);
        s.grant(p, account, DemoCreators.token(p, c.id(), "access"), null);
        s.refreshGrant(p, account, DemoCreators.token(p, c.id(), "refresh"));
        for (int i = 3; i >= 1; i--) {
          String prefix =
              switch (p) {
                case "youtube" -> "vseed";
                case "tiktok" -> "7";
                case "linkedin" -> "urn:li:share:7";
                default -> "18";
              };
          int hash =
              p.equals("youtube") || p.equals("tiktok")
                  ? c.id().hashCode() % 1000
                  : Math.floorMod(c.id().hashCode(), 1000);
          s.addVideo(p, account, prefix + hash + i, now.minus(Duration.ofHours(i * 5L)));
        }
      }
    }
    return s;
  }

  public synchronized Account account(String platform, String id, long followers) {
    return accounts.computeIfAbsent(platform + "/" + id, k -> new Account(id, followers));
  }

  public synchronized Account account(String platform, String id) {
    return accounts.get(platform + "/" + id);
  }

  public synchronized Video addVideo(String platform, String account, String id, Instant at) {
    Account a = accounts.get(platform + "/" + account);
    if (a == null) {
      return null;
    }
    Video v = new Video(id, at);
    a.videos.add(0, v);
    return v;
  }

  public synchronized Comment addComment(String channel, String video, String text, Instant at) {
    Account a = accounts.get("youtube/" + channel);
    Comment c =
        new Comment(
            "Ugz" + (++seq) + Long.toHexString(random.nextLong() & 0xffffffL),
            video,
            text,
            "UCfan" + random.nextInt(500),
            at);
    a.comments.add(0, c);
    return c;
  }

  /** Lets time pass: counters grow, now and then a comment arrives on a YouTube video. */
  public synchronized void advance(Instant now) {
    if (!growing) {
      return;
    }
    for (Map.Entry<String, Account> e : accounts.entrySet()) {
      Account a = e.getValue();
      if (a.grownAt == null) {
        a.grownAt = now;
        continue;
      }
      double secs = Math.max(0, Duration.between(a.grownAt, now).toMillis() / 1000.0);
      a.grownAt = now;
      a.followers += Math.round(secs * random.nextDouble() * 0.5);
      for (Video v : a.videos) {
        double hours = Math.max(0.05, Duration.between(v.publishedAt, now).toMinutes() / 60.0);
        long views = Math.round(secs * (20 / hours) * random.nextDouble());
        v.views += views;
        v.likes += Math.round(views * 0.06 * random.nextDouble());
        v.shares += Math.round(views * 0.01 * random.nextDouble());
        v.saves += Math.round(views * 0.005 * random.nextDouble());
        if (e.getKey().startsWith("youtube/")
            && random.nextDouble() < Math.min(0.5, views / 400.0)) {
          addComment(a.id, v.id, SampleTexts.comment(random, random.nextInt(30) - 10), now);
        }
        v.comments =
            e.getKey().startsWith("youtube/")
                ? a.countComments(v.id)
                : v.comments + Math.round(views * 0.004);
      }
    }
  }

  /** Issues a token for an account; a null expiry never expires. */
  public synchronized void grant(String platform, String account, String token, Instant expiresAt) {
    tokens.put(token, new Grant(platform, account, expiresAt));
  }

  public synchronized void refreshGrant(String platform, String account, String refreshToken) {
    refreshTokens.put(refreshToken, new Grant(platform, account, null));
  }

  /** Forgets every token of an account: it must reconnect. */
  public synchronized void revoke(String platform, String account) {
    tokens.values().removeIf(g -> g.platform.equals(platform) && g.account.equals(account));
    refreshTokens.values().removeIf(g -> g.platform.equals(platform) && g.account.equals(account));
  }

  /** The account a bearer token is valid for now, or null. */
  public synchronized String authorised(String platform, String token, Instant now) {
    Grant g = tokens.get(token);
    if (g == null
        || !g.platform.equals(platform)
        || (g.expiresAt != null && !now.isBefore(g.expiresAt))) {
      return null;
    }
    return g.account;
  }

  /** Exchanges a refresh token for a new access token; null when the refresh token is unknown. */
  public synchronized Issued refresh(String platform, String refreshToken, Instant now) {
    Grant g = refreshTokens.get(refreshToken);
    if (g == null || !g.platform.equals(platform)) {
      return null;
    }
    String token = "sim-" + platform + "-" + (++seq) + "-" + Long.toHexString(random.nextLong());
    tokens.put(token, new Grant(platform, g.account, now.plus(tokenLifetime)));
    return new Issued(token, refreshToken, tokenLifetime.toSeconds(), g.account);
  }

  /**
   * Meta's renewal of a long-lived token: a still valid token is exchanged for a new one (the old
   * one stays valid until it expires); null when it is unknown or expired.
   */
  public synchronized Issued exchange(String platform, String token, Instant now) {
    String account = authorised(platform, token, now);
    if (account == null) {
      return null;
    }
    String fresh = "sim-" + platform + "-" + (++seq) + "-" + Long.toHexString(random.nextLong());
    tokens.put(fresh, new Grant(platform, account, now.plus(tokenLifetime)));
    return new Issued(fresh, null, tokenLifetime.toSeconds(), account);
  }

  record Grant(String platform, String account, Instant expiresAt) {}

  /** A newly issued access token. */
  public record Issued(String accessToken, String refreshToken, long expiresIn, String account) {}

  /** A YouTube channel or TikTok account. */
  public static final class Account {
    final String id;
    long followers;
    final List<Video> videos = new ArrayList<>();
    final List<Comment> comments = new ArrayList<>();
    Instant grownAt;

    Account(String id, long followers) {
      this.id = id;
      this.followers = followers;
    }

    public synchronized void setFollowers(long n) {
      followers = n;
    }

    long countComments(String video) {
      return comments.stream().filter(c -> c.video.equals(video)).count();
    }
  }

  /** A video and its cumulative counters. */
  public static final class Video {
    final String id;
    final Instant publishedAt;
    long views;
    long likes;
    long comments;
    long shares;
    long saves;

    Video(String id, Instant publishedAt) {
      this.id = id;
      this.publishedAt = publishedAt;
    }

    public void counters(long views, long likes, long comments, long shares) {
      this.views = views;
      this.likes = likes;
      this.comments = comments;
      this.shares = shares;
    }
  }

  /** A top-level YouTube comment. */
  public record Comment(String id, String video, String text, String author, Instant at) {}
}
