package org.duban.local;

import java.io.IOException;

/** A server the launcher runs in its own process until it is told to stop. */
public interface LocalServer {

    /** Starts the server; returns once clients can connect. */
    void start() throws IOException;

    /** Where clients reach it and where it keeps its data, for the "ready" line. */
    String describe();

    /** Stops the server and leaves its data consistent on disk. */
    void stop();
}
