package org.duban.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks a host name up (an address literal is parsed, not looked up). */
@FunctionalInterface
public interface HostResolver {

    /** The system's resolver, as every other lookup of the JVM. */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** Every address {@code host} has now, never empty. */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
