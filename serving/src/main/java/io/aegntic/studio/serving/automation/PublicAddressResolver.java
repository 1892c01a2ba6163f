package io.aegntic.studio.serving.automation;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Resolves webhook hosts and refuses any that resolve to the studio's own networks (loopback,
 * private, link-local such as cloud metadata, unique-local, multicast), so a rule cannot make the
 * server call its neighbours. It runs at connect time, so re-pointing DNS after the rule was saved
 * (rebinding) does not get around it.
 */
final class PublicAddressResolver extends InetNameResolver {
  /** Why a webhook was not sent; not retried. */
  static final class PrivateTargetException extends UnknownHostException {
    PrivateTargetException(String host) {
      super(host + " resolves to a private or local network address");
    }
  }

  private final boolean allowPrivate;

  private PublicAddressResolver(EventExecutor executor, boolean allowPrivate) {
    super(executor);
    this.allowPrivate = allowPrivate;
  }

  static AddressResolverGroup<InetSocketAddress> group(boolean allowPrivate) {
    return new AddressResolverGroup<>() {
      @Override
      protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new PublicAddressResolver(executor, allowPrivate).asAddressResolver();
      }
    };
  }

  @Override
  protected void doResolve(String host, Promise<InetAddress> promise) {
    try {
      promise.setSuccess(checked(host)[0]);
    } catch (UnknownHostException e) {
      promise.setFailure(e);
    }
  }

  @Override
  protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
    try {
      promise.setSuccess(Arrays.asList(checked(host)));
    } catch (UnknownHostException e) {
      promise.setFailure(e);
    }
  }

  // Blocking lookup on the event loop, as Netty's DefaultNameResolver does.
  private InetAddress[] checked(String host) throws UnknownHostException {
    InetAddress[] all = InetAddress.getAllByName(host);
    if (!allowPrivate) {
      for (InetAddress address : all) {
        if (isPrivate(address)) {
          throw new PrivateTargetException(host);
        }
      }
    }
    return all;
  }

  static boolean isPrivate(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (b.length == 16) {
      return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
    }
    int first = b[0] & 0xff;
    // 0.0.0.0/8 "this network" and 100.64.0.0/10 carrier-grade NAT
    return first == 0 || (first == 100 && (b[1] & 0xc0) == 64);
  }
}
