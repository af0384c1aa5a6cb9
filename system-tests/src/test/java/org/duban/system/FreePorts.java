package org.duban.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for what the system tests start and listen on: free ones the operating system picks, or, with
 * {@code -Dduban.test.ports=FIRST-LAST}, free ones in that range (a machine shared by several builds can give
 * each its own range).
 */
final class FreePorts {

    private static final String RANGE = System.getProperty("duban.test.ports", "").trim();

    private FreePorts() {
    }

    /** A port to bind a server to: 0 (the system picks one) or, with a range, a free port in it. */
    static int forServer() {
        return RANGE.isEmpty() ? 0 : distinct(1).get(0);
    }

    /** Distinct free ports: every socket stays open until all are chosen, so none is handed out twice. */
    static List<Integer> distinct(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            if (RANGE.isEmpty()) {
                for (int i = 0; i < count; i++) {
                    sockets.add(new ServerSocket(0));
                }
            } else {
                String[] bounds = RANGE.split("-");
                int first = Integer.parseInt(bounds[0].trim());
                int size = Integer.parseInt(bounds[1].trim()) - first + 1;
                int start = ThreadLocalRandom.current().nextInt(size);
                for (int i = 0; i < size && sockets.size() < count; i++) {
                    try {
                        sockets.add(new ServerSocket(first + (start + i) % size));
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
