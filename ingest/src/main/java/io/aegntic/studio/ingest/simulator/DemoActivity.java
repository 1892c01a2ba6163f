package io.aegntic.studio.ingest.simulator;

import static io.aegntic.studio.ingest.simulator.Payloads.obj;

import io.aegntic.studio.events.DemoCreators;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the demo creators' platform activity as unsigned webhook deliveries: posts, comments in
 * all sentiments, likes, shares, mentions, follows, Stripe subscriptions, invoices and refunds, and
 * now and then a viral burst on one post. Not thread-safe: one generator per sending loop.
 */
public final class DemoActivity {
  static final List<String> SOCIAL = List.of("instagram", "facebook", "x", "linkedin");

  private final List<DemoCreators.Creator> creators;
  private final Random random;
  private final String run;
  private final Map<String, CreatorState> states = new HashMap<>();
  private final SocialDrafts social;
  private long seq;
  private Viral viral;
  private ApiState api;

  public DemoActivity(List<DemoCreators.Creator> creators, long seed) {
    this.creators = List.copyOf(creators);
    this.random = new Random(seed);
    this.run = Long.toString(Math.abs(seed % 1_000_000L));
    creators.forEach(c -> states.put(c.id(), new CreatorState()));
    this.social = new SocialDrafts(this);
  }

  /** Videos posted from now on also appear in the simulator's polled APIs. */
  public DemoActivity withApi(ApiState state) {
    this.api = state;
    return this;
  }

  /** How many times the normal rate to send now: above one while a post is going viral. */
  public double burstFactor(Instant now) {
    return viral != null && now.isBefore(viral.until) ? 4.0 : 1.0;
  }

  /** The next delivery. */
  public Draft next(Instant now) {
    if (viral != null && now.isBefore(viral.until) && random.nextInt(100) < 70) {
      return social.interaction(viral.creator, viral.post, now, 30, random.nextInt(100));
    }
    DemoCreators.Creator c = creators.get(random.nextInt(creators.size()));
    int roll = random.nextInt(1000);
    if (roll < 2) {
      Draft post = post(c, SOCIAL.get(random.nextInt(SOCIAL.size())), now);
      viral = new Viral(c, states.get(c.id()).last(), now.plus(Duration.ofSeconds(45)));
      return post;
    }
    if (roll < 60) {
      String platform =
          List.of("instagram", "facebook", "x", "youtube", "tiktok", "linkedin")
              .get(random.nextInt(6));
      return post(c, platform, now);
    }
    if (roll < 250) {
      return new DemoStripe(this, c).next(now);
    }
    Post target = states.get(c.id()).random(random);
    if (target == null) {
      return post(c, SOCIAL.get(random.nextInt(SOCIAL.size())), now);
    }
    return social.interaction(c, target, now, bias(c), random.nextInt(100));
  }

  private int bias(DemoCreators.Creator c) {
    return switch (creators.indexOf(c) % 3) {
      case 0 -> 15;
      case 1 -> 0;
      default -> -12;
    };
  }

  private Draft post(DemoCreators.Creator c, String platform, Instant now) {
    String caption = SampleTexts.caption(random, c.niche());
    String id = id();
    CreatorState s = states.get(c.id());
    switch (platform) {
      case "instagram" -> {
        // Instagram has no publish webhook: the post shows up with its first comment.
        Post p = new Post("instagram", "18" + id);
        s.add(p);
        if (api != null) {
          api.addVideo("instagram", c.instagram(), "18" + id, now);
        }
        return social.interaction(c, p, now, bias(c), 0);
      }
      case "facebook" -> {
        String post = c.facebookPage() + "_" + id;
        s.add(new Post("facebook", post));
        return social.meta(
            c,
            "facebook",
            now,
            obj(
                "item",
                "status",
                "verb",
                "add",
                "post_id",
                post,
                "message",
                caption,
                "created_time",
                now.getEpochSecond(),
                "from",
                obj("id", c.facebookPage(), "name", c.id())));
      }
      case "x" -> {
        s.add(new Post("x", id));
        if (api != null) {
          api.addVideo("x", c.x(), id, now);
        }
        return social.xDraft(
            c, "tweet_create_events", Payloads.tweet(id, c.x(), caption, now, Map.of()));
      }
      case "youtube" -> {
        s.add(new Post("youtube", "v" + id));
        if (api != null) {
          api.addVideo("youtube", c.youtubeChannel(), "v" + id, now);
        }
        return new Draft(
            "youtube",
            "application/atom+xml",
            Payloads.youtubeFeed(c.youtubeChannel(), "v" + id, caption, now),
            c.id());
      }
      case "tiktok" -> {
        s.add(new Post("tiktok", id));
        if (api != null) {
          api.addVideo("tiktok", c.tiktokOpenId(), id, now);
        }
        return new Draft(
            "tiktok",
            "application/json",
            Payloads.tiktok(
                c.tiktokOpenId(), "post.publish.publicly_available", now, "p_" + id, id),
            c.id());
      }
      default -> {
        // LinkedIn notifies admins of others' actions only: the post shows up with its first like.
        Post p = new Post("linkedin", "urn:li:share:" + id);
        s.add(p);
        if (api != null) {
          api.addVideo("linkedin", c.linkedinOrg(), "urn:li:share:" + id, now);
        }
        return social.linkedin(c, p, now, "LIKE", null);
      }
    }
  }

  /** A fresh numeric id, unique within this run and distinct between runs with other seeds. */
  String id() {
    return run + String.format("%09d", ++seq);
  }

  Random random() {
    return random;
  }

  CreatorState state(DemoCreators.Creator c) {
    return states.get(c.id());
  }

  record Post(String platform, String id) {}

  private record Viral(DemoCreators.Creator creator, Post post, Instant until) {}

  /** What a creator has published and sold so far. */
  static final class CreatorState {
    final List<Post> posts = new ArrayList<>();
    final List<DemoStripe.Sub> subscriptions = new ArrayList<>();
    final List<DemoStripe.Charge> charges = new ArrayList<>();

    void add(Post p) {
      posts.add(p);
      if (posts.size() > 30) {
        posts.remove(0);
      }
    }

    Post last() {
      return posts.get(posts.size() - 1);
    }

    Post random(Random r) {
      List<Post> social = posts.stream().filter(p -> SOCIAL.contains(p.platform)).toList();
      // Recent posts get most of the attention.
      return social.isEmpty()
          ? null
          : social.get(
              social.size()
                  - 1
                  - Math.min(social.size() - 1, (int) Math.abs(r.nextGaussian() * 3)));
    }
  }
}
