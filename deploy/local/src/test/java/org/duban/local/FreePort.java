package org.duban.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports nothing listens on right now, for servers started by a test: any the operating system picks, or, with
 * {@code -Dduban.test.ports=FIRST-LAST}, ones in that range (a machine shared by several builds can give each
 * its own range). The system tests use it too (this module's test-jar).
 */
public final class FreePort {

    private static final String RANGE = System.getProperty("duban.test.ports", "").trim();

    private FreePort() {
    }

    /** One free port. */
    public static int find() {
        return distinct(1).get(0);
    }

    /** A port to bind a server to: 0 (the system picks one as it binds) or, with a range, a free port in it. */
    public static int forServer() {
        return RANGE.isEmpty() ? 0 : find();
    }

    /** Distinct free ports: every socket stays open until all are chosen, so none is handed out twice. */
    public static List<Integer> distinct(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            if (RANGE.isEmpty()) {
                for (int i = 0; i < count; i++) {
                    sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
                }
            } else {
                String[] bounds = RANGE.split("-");
                int first = Integer.parseInt(bounds[0].trim());
                int size = Integer.parseInt(bounds[1].trim()) - first + 1;
                int start = ThreadLocalRandom.current().nextInt(size);
                for (int i = 0; i < size && sockets.size() < count; i++) {
                    try {
                        sockets.add(new ServerSocket(first + (start + i) % size, 1, InetAddress.getLoopbackAddress()));
                    } catch (IOException inUse) {
                        // taken: the next one
                    }
                }
                if (sockets.size() < count) {
                    throw new IllegalStateException("fewer than " + count + " free ports in " + RANGE);
                }
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a socket that never accepted anything
                }
            }
        }
    }
}
