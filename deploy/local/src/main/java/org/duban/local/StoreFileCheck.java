package org.duban.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Checks the store's MVStore file before the store opens it, so that a damaged file is refused instead of
 * opened with data silently missing.
 *
 * <p>An H2 MVStore opens a damaged file without complaint in two ways: when its newest chunks are gone or
 * unreadable (a truncated file, a torn copy) it rolls back to the newest chunk it can read, dropping every
 * write after it; and a damaged page in the middle is only noticed when that page is read, as an
 * {@code MVStoreException} long after the start. So the file is opened read-only and
 * <ul>
 *   <li>the version its own header names (written with the file's last chunk at a clean close, and now and
 *       then while it runs; a store killed early may have none yet) must not be newer than the version the store opened: newer means a rollback;</li>
 *   <li>every page of every map is read — every key, and every value as H2 reads it, except that a document (a
 *       serialized Java object, or a document in {@link DocumentValueType}'s encoding) has its frame checked, not its
 *       bytes deserialized ({@link FramedValues}) — so a damaged page fails here, not in a service.</li>
 * </ul>
 * What this cannot see: damage confined to the very last chunk written after the header was last updated
 * (the store then rolls back to the chunk before it, as it must after a write torn by a power cut, which was
 * never answered); damage in space the store no longer uses (harmless).
 */
final class StoreFileCheck {

    /** The version in the file's header: {@code H:2,block:…,version:<hex>,…}, in the first block. */
    private static final Pattern HEADER_VERSION = Pattern.compile("(?:^|,)version:([0-9a-f]+)(?:,|$)");
    private static final int HEADER_BYTES = 4096;

    private StoreFileCheck() {
    }

    /**
     * Returns quietly if there is no such file (a new store; anything else there is left to the store to refuse) or
     * it is whole; throws {@link DamagedStoreFile}, whose
     * message names the file and the newest backup under {@code backups}, otherwise.
     */
    static void check(Path file, Path backups) throws DamagedStoreFile {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Optional<String> problem = problemOf(file);
        if (problem.isPresent()) {
            throw new DamagedStoreFile(message(file, problem.get(), newestBackup(backups), backups));
        }
    }

    static Optional<String> problemOf(Path file) {
        long headerVersion;
        try {
            headerVersion = headerVersion(file);
        } catch (IOException | RuntimeException e) {
            return Optional.of("its header cannot be read (" + e.getMessage() + ")");
        }
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        } catch (RuntimeException e) {
            return Optional.of("it cannot be opened (" + e.getMessage() + ")");
        }
        try {
            long opened = store.getCurrentVersion();
            if (headerVersion > opened) {
                return Optional.of("its header names version " + headerVersion + " but only version " + opened
                        + " can be read: the newer writes are lost (truncated or overwritten file)");
            }
            for (String name : store.getMapNames()) {
                MVMap<Object, Object> map = store.openMap(name, new MVMap.Builder<Object, Object>()
                        .keyType(new UniqueIndexKeyType()).valueType(new FramedValues()));
                for (Map.Entry<Object, Object> entry : map.entrySet()) {
                    entry.getValue();
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("a part of it cannot be read (" + e.getMessage() + ")");
        } finally {
            try {
                store.closeImmediately();
            } catch (RuntimeException e) {
                // a damaged store may fail to close as well; the check's answer stands
            }
        }
    }

    private static long headerVersion(Path file) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(HEADER_BYTES);
        }
        String header = new String(start, StandardCharsets.ISO_8859_1);
        int end = header.indexOf('\n');
        if (!header.startsWith("H:") || end < 0) {
            throw new IOException("it does not start with an MVStore header");
        }
        // a store killed before it ever wrote its header again has none yet: nothing to compare
        Matcher version = HEADER_VERSION.matcher(header.substring(0, end));
        return version.find() ? Long.parseLong(version.group(1), 16) : 0;
    }

    /** The newest directory under {@code backups} that holds a store file, as {@code ./duban backup} writes them. */
    static Optional<Path> newestBackup(Path backups) {
        if (backups == null || !Files.isDirectory(backups)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(backups)) {
            return entries.filter(backup -> !backup.getFileName().toString().startsWith(".")) // one being written
                    .filter(backup -> Files.isRegularFile(backup.resolve("mongo").resolve("duban.mv")))
                    .max(Comparator.comparing(StoreFileCheck::modified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String message(Path file, String problem, Optional<Path> backup, Path backups) {
        String restore = backup.map(found -> "The newest backup is " + found
                        + "; bring it back with: ./duban restore " + found + " (it replaces the data directory's store, "
                        + "Kafka and keys; writes after that backup are lost).")
                .orElse("No backup was found in " + backups + " (./duban backup makes one).");
        return "The store file " + file + " is damaged: " + problem + ". The store does not start on it, so as not "
                + "to drop data silently. " + restore + " The damaged file stays where it is; move it away to keep it.";
    }

    /**
     * The values of the store's maps as H2 reads them ({@link ObjectDataType}), except a serialized Java object —
     * each of the library's documents — whose frame is checked (its length within the page, the serialization
     * stream's header) and whose bytes are skipped instead of deserialized: deserializing every document was the
     * check's whole cost (seconds per 100,000 documents), and a page that cannot be read is found by its frame. A
     * document in {@link DocumentValueType}'s encoding is checked the same way: its length within the page, and the
     * byte that ends every such document where its length says it ends.
     */
    static final class FramedValues extends ObjectDataType {

        /** {@code ObjectDataType.TYPE_SERIALIZED_OBJECT}: a tag, the length as a var int, the serialized bytes. */
        private static final byte SERIALIZED_OBJECT = 19;
        /** {@code ObjectStreamConstants.STREAM_MAGIC}. */
        private static final short STREAM_MAGIC = (short) 0xACED;
        private static final Object SKIPPED = new Object();

        @Override
        public Object read(ByteBuffer buff) {
            byte tag = buff.get(buff.position());
            if (tag == DocumentValueType.TAG) {
                return skipDocument(buff);
            }
            if (tag != SERIALIZED_OBJECT) {
                return super.read(buff);
            }
            buff.get();
            int length = DataUtils.readVarInt(buff);
            if (length < 4 || length > buff.remaining() || buff.getShort(buff.position()) != STREAM_MAGIC) {
                throw new IllegalStateException("a stored value is not a whole serialized object (" + length
                        + " bytes where " + buff.remaining() + " remain)");
            }
            buff.position(buff.position() + length);
            return SKIPPED;
        }

        /** A document in {@link DocumentValueType}'s encoding: its length within the page, and its end byte. */
        private static Object skipDocument(ByteBuffer buff) {
            buff.get();
            int length = buff.remaining() >= Integer.BYTES ? buff.getInt() : -1;
            if (length < 1 || length > buff.remaining() || buff.get(buff.position() + length - 1) != DocumentValueType.END) {
                throw new IllegalStateException("a stored value is not a whole document (" + length + " bytes where "
                        + buff.remaining() + " remain)");
            }
            buff.position(buff.position() + length);
            return SKIPPED;
        }
    }

    /** The store's file is damaged; the message says which, why, and the newest backup. */
    static final class DamagedStoreFile extends IOException {

        DamagedStoreFile(String message) {
            super(message);
        }
    }
}
