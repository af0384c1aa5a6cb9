package org.duban.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Ports nothing listens on right now, for servers started by a test. */
final class FreePort {

    private FreePort() {
    }

    /** One free port. */
    static int find() {
        return distinct(1).get(0);
    }

    /** Distinct free ports: every socket stays open until all are chosen, so none is handed out twice. */
    static List<Integer> distinct(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
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
