package io.aegntic.studio.serving.config;

import io.aegntic.studio.serving.auth.AccessTokens;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Stateless bearer-token security. Every {@code /api/**} path needs an access token except the auth
 * endpoints and the API docs. {@code /api/stream} also accepts the token as the {@code
 * access_token} query parameter, because the browser's EventSource cannot set headers; no other
 * path does. Failures are 401/403 JSON in the shape of {@link ApiErrors}.
 */
@Configuration
@EnableWebFluxSecurity
class SecurityConfig {
  static final String STREAM_PATH = "/api/stream";

  @Bean
  SecurityWebFilterChain securityChain(ServerHttpSecurity http, AccessTokens tokens) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(
            a ->
                a.pathMatchers(
                        "/api/auth/register",
                        "/api/auth/login",
                        "/api/auth/refresh",
                        "/api/auth/logout")
                    .permitAll()
                    .pathMatchers("/api/docs", "/api/docs/**", "/webjars/**")
                    .permitAll()
                    .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                    .permitAll()
                    .pathMatchers(STREAM_PATH)
                    .hasAuthority(AccessTokens.STREAM)
                    .pathMatchers("/api/**", "/actuator/**")
                    .hasAuthority(AccessTokens.API)
                    .anyExchange()
                    .permitAll())
        .oauth2ResourceServer(
            o ->
                o.bearerTokenConverter(bearerConverter())
                    .authenticationEntryPoint(
                        (exchange, e) -> write(exchange, HttpStatus.UNAUTHORIZED))
                    .accessDeniedHandler((exchange, e) -> write(exchange, HttpStatus.FORBIDDEN))
                    .jwt(
                        j ->
                            j.jwtDecoder(tokens.decoder())
                                .jwtAuthenticationConverter(tokens::authenticate)))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (exchange, ex) -> write(exchange, HttpStatus.UNAUTHORIZED))
                    .accessDeniedHandler((exchange, ex) -> write(exchange, HttpStatus.FORBIDDEN)))
        .build();
  }

  /** Header everywhere; the query parameter only on the stream path. */
  private static ServerAuthenticationConverter bearerConverter() {
    ServerBearerTokenAuthenticationConverter headerOnly =
        new ServerBearerTokenAuthenticationConverter();
    ServerBearerTokenAuthenticationConverter withQuery =
        new ServerBearerTokenAuthenticationConverter();
    withQuery.setAllowUriQueryParameter(true);
    return exchange ->
        STREAM_PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value())
            ? withQuery.convert(exchange)
            : headerOnly.convert(exchange);
  }

  private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status) {
    var response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    String json =
        status == HttpStatus.UNAUTHORIZED
            ? "{\"error\":\"unauthorized\",\"reason\":\"missing, invalid or expired access token\"}"
            : "{\"error\":\"forbidden\",\"reason\":\"this token may not be used here\"}";
    DataBuffer buffer = response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }
}
