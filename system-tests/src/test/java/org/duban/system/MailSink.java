package org.duban.system;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.duban.local.FreePort;

/**
 * The office's mail server as notification-service sees it: a plain SMTP listener on this machine that
 * takes every message and keeps it, so that a test can read what was sent — headers and decoded text,
 * whatever transfer encoding the sender chose.
 */
final class MailSink implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> messages = new ArrayList<>();
    private final Thread acceptor;

    MailSink() throws IOException {
        server = new ServerSocket(FreePort.forServer(), 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptAll, "mail-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Every message taken so far: its headers and every text part, decoded. */
    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (IOException e) {
                // the sender went away, or the sink was closed: take the next one
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 mail-sink ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
            switch (command) {
                case "DATA" -> {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    StringBuilder data = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
                    }
                    keep(data.toString());
                    reply(out, "250 kept");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 ok");
            }
        }
    }

    private synchronized void keep(String raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            StringBuilder text = new StringBuilder(raw).append('\n').append(message.getSubject()).append('\n');
            appendText(message, text);
            messages.add(text.toString());
        } catch (MessagingException | IOException e) {
            messages.add(raw);
        }
    }

    private static void appendText(Part part, StringBuilder text) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                appendText(body, text);
            }
        } else if (content instanceof String string) {
            text.append(string).append('\n');
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
