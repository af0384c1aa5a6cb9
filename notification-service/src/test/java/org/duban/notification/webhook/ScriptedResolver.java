package org.duban.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DNS for tests: each name answers the addresses it is told, one answer per question, the last one
 * repeated — so a name can answer one thing first and another thing later, as a rebinding DNS server
 * does. An address literal answers itself. Counts the questions.
 */
public final class ScriptedResolver implements HostResolver {

    private final Map<String, List<List<InetAddress>>> answers = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> asked = new LinkedHashMap<>();

    /** {@code host} answers {@code first} to the first question, then {@code later} to every other one. */
    public synchronized ScriptedResolver answering(String host, List<String> first, List<String> later) {
        answers.put(host, List.of(addresses(first), addresses(later)));
        return this;
    }

    /** {@code host} always answers {@code addresses}. */
    public ScriptedResolver answering(String host, List<String> addresses) {
        return answering(host, addresses, addresses);
    }

    @Override
    public synchronized List<InetAddress> resolve(String host) throws UnknownHostException {
        int question = asked.computeIfAbsent(host, h -> new AtomicInteger()).getAndIncrement();
        List<List<InetAddress>> script = answers.get(host);
        if (script == null && isLiteral(host)) {
            // an address literal is parsed, never looked up, as the system resolver does
            return List.of(InetAddress.getByName(host));
        }
        if (script == null) {
            throw new UnknownHostException(host);
        }
        return script.get(Math.min(question, script.size() - 1));
    }

    /** How often {@code host} was looked up. */
    public synchronized int questionsAbout(String host) {
        AtomicInteger count = asked.get(host);
        return count == null ? 0 : count.get();
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static List<InetAddress> addresses(List<String> literals) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String literal : literals) {
            try {
                addresses.add(InetAddress.getByName(literal));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(literal, e);
            }
        }
        return List.copyOf(addresses);
    }
}
