package io.aegntic.studio.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The publish call's guard on an event loop: the outcome of the send (acknowledged, refused, or
 * nothing within the timeout) is signalled once, on the loop, and counted once.
 */
class GuardedSendTest {
  private final DefaultEventLoop loop = new DefaultEventLoop();
  private final AtomicInteger acknowledged = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final GuardedSend.Outcome outcome =
      new GuardedSend.Outcome() {
        @Override
        public void acknowledged(long startNanos) {
          acknowledged.incrementAndGet();
        }

        @Override
        public void failed() {
          failed.incrementAndGet();
        }
      };

  @AfterEach
  void stopLoop() {
    loop.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
  }

  private GuardedSend guard(Flux<?> send, Duration timeout) {
    return new GuardedSend(send, timeout, loop, loop, outcome);
  }

  @Test
  void aCompletedSendCompletesOnTheLoopAndIsCountedOnce() {
    AtomicReference<Thread> signalledOn = new AtomicReference<>();
    guard(Flux.just(1, 2, 3), Duration.ofSeconds(30))
        .doOnSuccess(ignored -> signalledOn.set(Thread.currentThread()))
        .block(Duration.ofSeconds(10));
    assertThat(loop.inEventLoop(signalledOn.get())).isTrue();
    assertThat(acknowledged).hasValue(1);
    assertThat(failed).hasValue(0);
  }

  @Test
  void aRefusedSendFailsWithPublishExceptionCarryingTheCause() {
    IllegalStateException refused = new IllegalStateException("record too large");
    assertThatThrownBy(
            () -> guard(Flux.error(refused), Duration.ofSeconds(30)).block(Duration.ofSeconds(10)))
        .isInstanceOf(PublishException.class)
        .hasCause(refused);
    assertThat(failed).hasValue(1);
    assertThat(acknowledged).hasValue(0);
  }

  @Test
  void aSendNobodyAcknowledgesFailsAtTheTimeoutOnTheLoopAndIsCancelled() {
    AtomicBoolean cancelled = new AtomicBoolean();
    AtomicReference<Thread> signalledOn = new AtomicReference<>();
    Flux<Object> never = Flux.never().doOnCancel(() -> cancelled.set(true));
    assertThatThrownBy(
            () ->
                guard(never, Duration.ofMillis(200))
                    .doOnError(e -> signalledOn.set(Thread.currentThread()))
                    .block(Duration.ofSeconds(10)))
        .isInstanceOf(PublishException.class)
        .hasCauseInstanceOf(TimeoutException.class);
    assertThat(cancelled).isTrue();
    assertThat(loop.inEventLoop(signalledOn.get())).isTrue();
    assertThat(failed).hasValue(1);
  }

  @Test
  void anAcknowledgementAfterTheTimeoutChangesNothing() {
    Sinks.Empty<Void> late = Sinks.empty();
    assertThatThrownBy(
            () -> guard(late.asMono().flux(), Duration.ofMillis(100)).block(Duration.ofSeconds(10)))
        .isInstanceOf(PublishException.class);
    late.tryEmitEmpty();
    assertThat(failed).hasValue(1);
    assertThat(acknowledged).hasValue(0);
  }

  @Test
  void cancellingTheCallCancelsTheSendAndCountsNothing() throws Exception {
    AtomicBoolean cancelled = new AtomicBoolean();
    Disposable call =
        guard(Flux.never().doOnCancel(() -> cancelled.set(true)), Duration.ofMillis(300))
            .subscribe();
    call.dispose();
    assertThat(cancelled).isTrue();
    // The timer was cancelled with the call: past its deadline nothing is counted.
    loop.schedule(() -> {}, 600, java.util.concurrent.TimeUnit.MILLISECONDS).get();
    assertThat(failed).hasValue(0);
    assertThat(acknowledged).hasValue(0);
  }
}
