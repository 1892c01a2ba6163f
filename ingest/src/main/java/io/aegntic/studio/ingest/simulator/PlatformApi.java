package io.aegntic.studio.ingest.simulator;

import io.aegntic.studio.ingest.simulator.PlatformApiServer.Answer;
import java.util.List;
import java.util.Map;

/**
 * One platform's simulated API for {@link PlatformApiServer}: where it lives, how it refuses a
 * token, how its token endpoint answers and its authorised calls. Adding a platform is adding one.
 */
interface PlatformApi {

  /** The platform id in {@link ApiState} ("youtube", "x" ...). */
  String platform();

  /** The path prefix of its API, e.g. {@code /youtube/}. */
  String prefix();

  /** The exact path of its token endpoint. */
  String tokenPath();

  /** The platform's answer to a missing, unknown or expired bearer token. */
  Answer unauthorized();

  /** The token endpoint's answer; {@code issued} is null when the grant was refused. */
  Answer token(ApiState.Issued issued);

  /** A call of the token endpoint: by default the OAuth 2.0 refresh-token grant (form POST). */
  default Answer token(Call call, ApiState state, java.time.Instant now) {
    Map<String, List<String>> form =
        new io.netty.handler.codec.http.QueryStringDecoder(call.body(), false).parameters();
    String grant = PlatformApiServer.first(form, "grant_type");
    return token(
        "refresh_token".equals(grant)
            ? state.refresh(platform(), PlatformApiServer.first(form, "refresh_token"), now)
            : null);
  }

  /** An authorised call of {@code account}. */
  Answer answer(Call call, String account);

  /** Whether answers carry ETags and honour If-None-Match (YouTube does). */
  default boolean etags() {
    return false;
  }

  /** The account a call is authorised for, or null: by default its bearer token. */
  default String authorise(ApiState state, Call call, java.time.Instant now) {
    return state.authorised(platform(), call.bearer(), now);
  }

  /** A request as the APIs see it. */
  record Call(
      String method,
      String path,
      Map<String, List<String>> query,
      String body,
      Map<String, String> headers) {

    String param(String name) {
      return PlatformApiServer.first(query, name);
    }

    /** The bearer token of the Authorization header, or "". */
    String bearer() {
      String auth = headers.get("authorization");
      return auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
    }
  }
}
