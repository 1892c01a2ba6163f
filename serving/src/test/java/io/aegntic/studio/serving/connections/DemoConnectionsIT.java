package io.aegntic.studio.serving.connections;

import static org.assertj.core.api.Assertions.assertThat;

import io.aegntic.studio.serving.ServingItSupport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** The demo account's polled connections: the simulator's accounts, tokens encrypted. */
class DemoConnectionsIT extends ServingItSupport {
  @Autowired DatabaseClient db;
  @Autowired ConnectionStore store;

  @Test
  void theDemoCreatorsHaveEncryptedConnectionsOnEveryPolledPlatformThatExpireSoon() {
    var rows =
        db.sql(
                "SELECT id, creator_id, platform, account_handle, access_token, status, expires_at"
                    + " FROM platform_connections WHERE creator_id LIKE 'creator-demo-%' ORDER BY"
                    + " creator_id, platform")
            .fetch()
            .all()
            .collectList()
            .block();
    assertThat(rows)
        .extracting(
            r -> r.get("creator_id") + ":" + r.get("platform") + ":" + r.get("account_handle"))
        .containsExactly(
            "creator-demo-1:instagram:17841400000000001",
            "creator-demo-1:linkedin:90000001",
            "creator-demo-1:tiktok:act.demo1",
            "creator-demo-1:x:1500000000000000001",
            "creator-demo-1:youtube:UCdemoCreator1aaaaaaaaaaa",
            "creator-demo-2:instagram:17841400000000002",
            "creator-demo-2:linkedin:90000002",
            "creator-demo-2:tiktok:act.demo2",
            "creator-demo-2:x:1500000000000000002",
            "creator-demo-2:youtube:UCdemoCreator2bbbbbbbbbbb",
            "creator-demo-3:instagram:17841400000000003",
            "creator-demo-3:linkedin:90000003",
            "creator-demo-3:tiktok:act.demo3",
            "creator-demo-3:x:1500000000000000003",
            "creator-demo-3:youtube:UCdemoCreator3ccccccccccc");
    assertThat(rows)
        .allSatisfy(
            r -> {
              assertThat(r.get("status")).isEqualTo("active");
              java.nio.ByteBuffer stored =
                  ((java.nio.ByteBuffer) r.get("access_token")).duplicate();
              byte[] bytes = new byte[stored.remaining()];
              stored.get(bytes);
              assertThat(bytes[0]).isEqualTo((byte) 1);
              assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("demo-");
              assertThat(Instant.from((java.time.temporal.TemporalAccessor) r.get("expires_at")))
                  .isBefore(Instant.now().plusSeconds(180));
            });
    UUID youtube2 = (UUID) rows.get(9).get("id");
    assertThat(store.accessToken("creator-demo-2", youtube2).block())
        .isEqualTo("demo-youtube-creator-demo-2-access");
    UUID linkedin3 = (UUID) rows.get(11).get("id");
    assertThat(store.accessToken("creator-demo-3", linkedin3).block())
        .isEqualTo("demo-linkedin-creator-demo-3-access");
  }
}
