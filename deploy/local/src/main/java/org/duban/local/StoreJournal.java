package org.duban.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local store's journal (ADR 0019): every write, in the order the store applied it, appended to a file and synced
 * before the write is answered, as MongoDB's journal is; the store's file itself is written at checkpoints, not at
 * every write. A record is the write's number (one more than the record before it), a CRC-32C of the number and the
 * write, and the write ({@code [length][number][crc][bytes]}). The records live in segments, files named after the
 * number of their first record, in a directory of their own; a segment is closed and a new one begun at a checkpoint
 * once it has grown past {@link #SEGMENT_BYTES}, and the segments before it are deleted once that checkpoint is synced.
 * A new segment is a file written full of zeros beforehand ({@link #prepareSpare}, outside the store's locks) when one
 * is ready: appending into it changes no file size, so a sync writes the records and no file system metadata.
 *
 * <p>Syncs are shared: a write waiting for its record to be on disk is answered by a sync begun after its record was
 * appended, whoever asked for it ({@link #sync}).
 *
 * <p>After a crash ({@link #replay}) the records after the store file's checkpoint are read back in order. The last
 * segment may end in a record that was being written (its length, number or CRC wrong, or the file cut short): no write
 * was answered on it, nor on any record after it, so reading stops there. Anything wrong before the last segment, or
 * a journal whose records do not continue the store file's checkpoint, is refused: the store does not open.
 */
final class StoreJournal implements AutoCloseable {

    /** A segment this long is closed at the next checkpoint, and a new one begun. */
    static final long SEGMENT_BYTES = 4L << 20;
    /** A record's length, number and CRC-32C, before its bytes. */
    private static final int HEADER_BYTES = Integer.BYTES + Long.BYTES + Integer.BYTES;
    /** Far beyond any write the store takes (MongoDB's limit for a message is 48 MB). */
    private static final int MAX_RECORD_BYTES = 64 << 20;
    private static final String SUFFIX = ".log";
    /** The next segment, written full of zeros and synced, ready to be renamed ({@link #prepareSpare}). */
    private static final String SPARE = "spare";

    private static final Logger log = LoggerFactory.getLogger(StoreJournal.class);

    private final Path directory;
    /** Held by {@link #sync} and while segments change; taken after this object's monitor, never before it. */
    private final Object syncLock = new Object();
    private volatile FileChannel segment;
    /** Where the next record goes in {@link #segment}; under this object's monitor. */
    private long position;
    /** The number of the last record appended; appends are in order, under this object's monitor. */
    private volatile long appended;
    /** Every record up to this number is on disk. */
    private long synced;
    private long syncs;
    private volatile IOException failure;

    /** The journal in {@code directory}, read by {@link #replay} before anything is appended ({@link #startAfter}). */
    StoreJournal(Path directory) {
        this.directory = directory;
    }

    /** The directory of the journal of the store file {@code file}: beside it, named after it. */
    static Path directoryOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".journal");
    }

    /** Applies, in order, the records after {@code checkpointed}; answers the number of the last one there is. */
    long replay(long checkpointed, Apply apply) {
        long last = checkpointed;
        List<Path> segments = segments();
        for (int i = 0; i < segments.size(); i++) {
            Path file = segments.get(i);
            boolean lastSegment = i == segments.size() - 1;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long position = 0;
                long size = channel.size();
                long expected = firstOf(file);
                while (position < size) {
                    Record record = read(channel, position, size, expected);
                    if (record == null) {
                        if (endsAt(channel, position, size)) {
                            break; // the zeros a segment was written full of beforehand, after its last record
                        }
                        if (!lastSegment) {
                            throw new IllegalStateException("The store's journal is damaged: " + file + " has no whole "
                                    + "record at byte " + position + " of " + size + ", and segments follow it");
                        }
                        log.warn("The store's journal ends in a record that was being written ({} bytes at the end"
                                + " of {} ignored): no write was answered on it", size - position, file);
                        break;
                    }
                    if (record.number() > checkpointed) {
                        if (record.number() != last + 1) {
                            throw new IllegalStateException("The store's journal " + directory + " continues from"
                                    + " write " + (record.number() - 1) + ", but the store's file holds the writes up"
                                    + " to " + checkpointed + " only: the journal is not this file's (move it aside"
                                    + " to open the file as it is)");
                        }
                        apply.apply(record.number(), record.bytes());
                        last = record.number();
                    }
                    position += HEADER_BYTES + record.bytes().length;
                    expected = record.number() + 1;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the store's journal " + file, e);
            }
        }
        return last;
    }

    /** Whether the segment's records end at {@code position}, where no whole record is: only zeros from there on. */
    private static boolean endsAt(FileChannel channel, long position, long size) throws IOException {
        ByteBuffer rest = ByteBuffer.allocate(64 << 10);
        for (long at = position; at < size; at += rest.capacity()) {
            rest.clear().limit((int) Math.min(rest.capacity(), size - at));
            readFully(channel, rest, at);
            for (int i = 0; i < rest.limit(); i++) {
                if (rest.get(i) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A record at {@code position} with the number {@code expected}, or null when there is no whole one there (the
     * rest of the file too short, a length out of bounds, a number out of order, a CRC that does not match).
     */
    private static Record read(FileChannel channel, long position, long size, long expected) throws IOException {
        if (size - position < HEADER_BYTES) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        readFully(channel, header, position);
        header.flip();
        int length = header.getInt();
        long number = header.getLong();
        int crc = header.getInt();
        if (length <= 0 || length > MAX_RECORD_BYTES || size - position - HEADER_BYTES < length || number != expected) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate(length);
        readFully(channel, bytes, position + HEADER_BYTES);
        if (crc(number, bytes.array()) != crc) {
            return null;
        }
        return new Record(number, bytes.array());
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of the file");
            }
        }
    }

    /**
     * Begins a new segment for the records after {@code through}, which the store's file holds (synced), and deletes
     * the segments before it.
     */
    void startAfter(long through) {
        synchronized (this) {
            synchronized (syncLock) {
                try {
                    Files.createDirectories(directory);
                    openSegment(through + 1);
                    appended = through;
                    synced = through;
                } catch (IOException e) {
                    throw new UncheckedIOException("could not begin the store's journal in " + directory, e);
                }
            }
        }
        forgetBefore(through + 1);
    }

    /**
     * Appends a write; answers its number. Called in the order the writes were applied (the store's order lock).
     *
     * @throws UncheckedIOException if the journal could not be written, now or before: the write is not answered,
     *                              nor is any write after it
     */
    synchronized long append(byte[] write) {
        failIfFailed();
        long number = appended + 1;
        ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + write.length);
        record.putInt(write.length).putLong(number).putInt(crc(number, write)).put(write).flip();
        try {
            while (record.hasRemaining()) {
                segment.write(record, position + record.position());
            }
            position += record.limit();
        } catch (IOException e) {
            failure = e;
            failIfFailed();
        }
        appended = number;
        return number;
    }

    /** Throws if the journal failed: the store then answers no write, until it is started again. */
    void failIfFailed() {
        IOException failed = failure;
        if (failed != null) {
            throw new UncheckedIOException("the store's journal could not be written (" + failed.getMessage()
                    + "); it answers no write until it is started again", failed);
        }
    }

    /** Returns once the record numbered {@code number}, and every one before it, is on disk. */
    void sync(long number) {
        synchronized (syncLock) {
            if (synced >= number) {
                return;
            }
            failIfFailed();
            long upTo = appended; // appended (written to the file) before this sync begins: it covers them all
            try {
                segment.force(false);
            } catch (IOException e) {
                failure = e;
                failIfFailed();
            }
            synced = upTo;
            syncs++;
        }
    }

    long appended() {
        return appended;
    }

    long synced() {
        synchronized (syncLock) {
            return synced;
        }
    }

    long syncs() {
        synchronized (syncLock) {
            return syncs;
        }
    }

    /**
     * At a checkpoint, while no write is appended: begins a new segment for the records after {@code through} if the
     * current one has grown past {@link #SEGMENT_BYTES}. Answers whether it did ({@link #forgetBefore} deletes the old
     * ones once the checkpoint is synced).
     */
    boolean startNewSegmentIfLong(long through) {
        synchronized (this) {
            synchronized (syncLock) {
                try {
                    if (failure != null || position < SEGMENT_BYTES) {
                        return false;
                    }
                    segment.force(false);
                    synced = appended;
                    openSegment(through + 1);
                    return true;
                } catch (IOException e) {
                    failure = e;
                    return false;
                }
            }
        }
    }

    /** Deletes the segments before the one whose first record is {@code first}: the store's file holds them all. */
    void forgetBefore(long first) {
        for (Path file : segments()) {
            if (firstOf(file) < first) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Could not delete {}, a segment of the store's journal the store's file holds: {}", file,
                            e.getMessage());
                }
            }
        }
    }

    /**
     * Writes the next segment full of zeros and syncs it, unless one is ready: called every round, outside the store's
     * locks, so that a checkpoint that begins a segment only renames a file.
     */
    void prepareSpare() {
        Path spare = directory.resolve(SPARE);
        if (Files.exists(spare) || !Files.isDirectory(directory)) {
            return;
        }
        Path partial = directory.resolve(SPARE + ".partial");
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
            for (long at = 0; at < SEGMENT_BYTES; at += zeros.capacity()) {
                zeros.clear();
                while (zeros.hasRemaining()) {
                    channel.write(zeros, at + zeros.position());
                }
            }
            channel.force(true);
            Files.move(partial, spare, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Could not write the journal's next segment beforehand ({}): it begins empty", e.getMessage());
        }
    }

    /**
     * Opens a new segment whose first record is {@code first} — the spare one if it is ready, a new file
     * otherwise — (the one before, if any, closed), its name on disk.
     */
    private void openSegment(long first) throws IOException {
        FileChannel before = segment;
        Path file = directory.resolve(String.format("%019d", first) + SUFFIX);
        Path spare = directory.resolve(SPARE);
        if (Files.exists(spare)) {
            Files.move(spare, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            segment = FileChannel.open(file, StandardOpenOption.WRITE);
        } else {
            segment = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }
        position = 0;
        try (FileChannel directoryChannel = FileChannel.open(directory, StandardOpenOption.READ)) {
            directoryChannel.force(true); // the new segment's name survives a power cut
        }
        if (before != null) {
            before.close();
        }
    }

    private List<Path> segments() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("\\d{19}\\" + SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the store's journal in " + directory, e);
        }
    }

    private static long firstOf(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    private static int crc(long number, byte[] write) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(Long.BYTES).putLong(number).flip());
        crc.update(write);
        return (int) crc.getValue();
    }

    @Override
    public void close() {
        synchronized (this) {
            synchronized (syncLock) {
                try {
                    if (segment != null) {
                        if (failure == null) {
                            segment.force(false);
                            synced = appended;
                        }
                        segment.close();
                    }
                } catch (IOException e) {
                    log.warn("Closing the store's journal failed: {}", e.getMessage());
                }
            }
        }
    }

    /** A write read back from the journal. */
    private record Record(long number, byte[] bytes) {
    }

    /** Applies a write read back from the journal. */
    @FunctionalInterface
    interface Apply {
        void apply(long number, byte[] write);
    }
}
