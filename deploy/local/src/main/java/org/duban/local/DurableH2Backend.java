package org.duban.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;
import org.h2.mvstore.WriteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend, answering a write only once it is on disk.
 *
 * <p>The H2 backend changes its MVStore's maps in memory and leaves them to the store's background writer,
 * which commits about once a second and never forces the file to disk: a write answered just before the
 * process was killed (or the machine lost power) was gone after the restart, while the services had already
 * acted on it (issue #17). Here every command that changes data is recorded in the store's journal
 * ({@link StoreJournal}, ADR 0019) in the order it was applied, and answered once its record is synced; writes that
 * arrive together share one sync. The file itself is written at checkpoints: every {@link #JOURNAL_INTERVAL_MS}
 * while writes come, a commit of everything applied (the last write's number recorded in it, {@link #JOURNAL_MARK})
 * and a sync. When the store opens, the writes the journal holds after that number are applied again, in their
 * order, as MongoDB recovers from its journal. (Until issue #14 every write committed and synced the file itself:
 * ~1 ms more per write and twice the store's CPU.) Writes are deterministic given the data and their order — ids
 * come from the services, and the library has no time-based write —, so the same writes on the same data leave the
 * same data; a write that failed is recorded too, and fails again.
 *
 * <p>A write whose write concern asks for no journal ({@code {w: 1}} or {@code {w: 1, j: false}}, as MongoDB reads
 * them: acknowledged once applied, on disk with the next journal sync) is answered before its record is synced, as
 * MongoDB does: the next write that waits for its sync, or the next round of {@link #JOURNAL_INTERVAL_MS}, makes it
 * durable (each sync covers every record before it, as MongoDB's journal does — within one run of the store: killed
 * before that sync, the write is gone, and a write after it lands on the restarted store). The platform asks for that
 * only for the relay's release of published events, whose loss has them published again (ADR 0018, revised). A write
 * without a write concern, or with {@code j: true} or {@code w: "majority"}, waits for its sync.
 *
 * <p>Reads are untouched.
 *
 * <p>One command of its own, {@code {dubanBackup: "<file>"}} (see {@link #BACKUP_COMMAND}), writes a consistent
 * copy of the store's file while it runs: as H2's own online backup does ({@code FileStore.backup}), the store
 * stops reusing free space, so that nothing already in the file is overwritten while it is copied (new chunks
 * are only appended, and a chunk cut off at the copy's end is one the copy's header does not name); everything
 * answered before is checkpointed first (so the copy needs no journal). The copy goes to {@code <file>.partial}, is
 * synced and then renamed, so a file by that name is always whole.
 *
 * <p>The library's unique indexes ({@code _id} and those created {@code unique}) are H2 maps keyed by
 * {@code KeyValue}s, which H2 compares by serializing both: most of an insert's time. Here those maps are opened
 * with {@link UniqueIndexKeyType} (the same order, the same bytes on disk, a string key compared directly) before
 * the library opens them: the maps in the file when the store opens, and the one a write may create (the
 * collection's {@code _id} index, a {@code createIndexes}' unique indexes) before that write runs. The library then
 * finds the map open and uses it as it is. The collections' document maps are opened the same way, with
 * {@link DocumentValueType} (a compact encoding instead of Java serialization): those in the file here, a new one when
 * its collection is opened ({@link IndexedH2Database}).
 *
 * <p>The file is compacted here ({@link #compact()}, a round every 100 ms, 400 KB at most), not by H2's background
 * writer, whose own compaction rewrote far more of the file per second as it grew (issue #18). {@code {dubanStats: 1}}
 * ({@link #STATS_COMMAND}) answers the counters a benchmark needs to see how the file grows.
 */
final class DurableH2Backend extends H2Backend {

    /** The commands that change data, lower case (the wire protocol's names are case-insensitive here). */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create", "drop",
            "dropdatabase", "createindexes", "dropindexes", "deleteindexes", "renamecollection", "collmod");

    /** The store's own command: writes a consistent copy of its file to the path given as its value. */
    static final String BACKUP_COMMAND = "dubanBackup";
    /** The store's own command: counters of its commits and of its file ({@link #stats()}), for benchmarks. */
    static final String STATS_COMMAND = "dubanStats";

    /** What the library puts between a collection's namespace and an index's name to name the index's map. */
    static final String INDEX_MAP = "._index_";
    /** The commands that may create a collection, and with it its {@code _id} index. */
    private static final Set<String> CREATING = Set.of("insert", "update", "findandmodify", "create", "createindexes");

    /** Compaction goes on while the live bytes are less than this share (%) of the chunks' bytes. */
    static final int COMPACT_BELOW_FILL_RATE = 50;
    /**
     * How often a round of compaction runs. Writes wait while a round's pages are committed (the store's lock,
     * {@link #pages}), so rounds are short and frequent: one round a second with 4 MB, its rewrite then exclusive too,
     * held writes up to 262 ms on a grown file (JFR, bench/webhook-latency, 2026-12-05).
     */
    static final long COMPACTION_INTERVAL_MS = 100;
    /** The live bytes a round of compaction rewrites at most: 4 MB a second, as in rounds of a second before. */
    static final int COMPACT_BYTES_PER_ROUND = (4 << 20) / 10;
    /** The live bytes a round may rewrite per checkpoint made since the round before. */
    static final int COMPACT_BYTES_PER_COMMIT = 64 << 10;
    /** H2's buffer of unsaved pages before a writing thread commits them: 1 GB, never reached ({@link #open}). */
    static final int NO_WRITER_COMMITS_KB = 1 << 20;
    /**
     * How soon a write answered before its record was synced is synced at the latest (MongoDB's journal: 100 ms), and
     * how often a checkpoint writes the store's file while writes come (every second instead was measured: no faster,
     * bench/README "The store's journal").
     */
    static final long JOURNAL_INTERVAL_MS = 100;
    /** The map in the store's file that records its checkpoint ({@link #THROUGH}); $ is in no database's name. */
    static final String JOURNAL_MARK = "$duban.journal";
    /** The key of the last write the store's file holds, in {@link #JOURNAL_MARK}. */
    static final String THROUGH = "through";

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    private final MVStore store;
    /** Where the store's file records the last write it holds ({@link #THROUGH}): every one up to it, none after. */
    private final MVMap<String, Long> mark;
    private final StoreJournal journal;
    /**
     * The order of the writes in the journal: a write to one collection holds this shared and that collection's
     * monitor ({@link #collections}) while it is applied and its record appended, so that the journal has each
     * collection's writes in the order they were applied (writes to different collections commute); a write that may
     * touch several collections or a whole database ({@link #collectionOf} null) holds it exclusively.
     */
    private final ReentrantReadWriteLock order = new ReentrantReadWriteLock();
    private final Map<String, Object> collections = new ConcurrentHashMap<>();
    /** Held by a checkpoint (a commit and a sync of the store's file). */
    private final Object syncLock = new Object();
    /**
     * Held shared by every write from before the library changes the maps until its record is appended, exclusively
     * by a checkpoint until its commit has taken the maps' roots ({@link CheckpointFileStore}): so the file holds every
     * write up to the number it records, whole, and none after it. H2 then writes the pages of those roots while writes
     * go on (its pages are never changed once made, and the library's stored documents neither:
     * {@link IndexedH2Database} updates a copy). Until the commit released the writes early they waited for the whole
     * of it — a few milliseconds every {@link #JOURNAL_INTERVAL_MS}, up to 30 when the machine was busy (JFR,
     * bench/README) —, and before updates were made on copies a commit writing a document's page while the library
     * changed that document in place read it half changed ({@code ConcurrentModificationException}, after which H2
     * closed the store). A round of compaction only marks pages to be written again (H2's {@code rewritePage}), beside
     * the writes; its commit is a checkpoint like any other. H2 commits only when this backend asks ({@link #open}).
     * Always taken after {@link #syncLock}, never the other way round.
     */
    private final ReentrantReadWriteLock pages = new ReentrantReadWriteLock();
    /** Whether the checkpoint in progress lets the writes go once its commit has taken the roots (in syncLock). */
    private boolean releaseAtRoots;
    private final Object indexMapLock = new Object();
    /** The last write the store's file holds, synced. */
    private long checkpointed;
    /** Checkpoints made (each one commit and one sync of the file). */
    private long commits;
    /** Rounds of compaction that rewrote chunks. */
    private final AtomicLong compactions = new AtomicLong();
    /** {@link #commits} when the last round of compaction began. */
    private long commitsAtLastRound;
    private final ScheduledExecutorService compaction = daemon("duban-store-compaction");
    private final ScheduledExecutorService rounds = daemon("duban-store-journal");

    /**
     * The backend on {@code store}'s file, with its journal beside it ({@link StoreJournal#directoryOf}): the writes
     * the journal holds after the file's checkpoint are applied again, in their order, and checkpointed, before
     * anything else.
     */
    DurableH2Backend(MVStore store) {
        super(IndexedH2Database.trustIndexesOrRefill(withOwnDataTypes(store)));
        this.store = store;
        if (store.getFileStore() instanceof CheckpointFileStore file) {
            file.onRootsTaken(this::rootsTaken);
        }
        this.mark = store.openMap(JOURNAL_MARK);
        this.journal = new StoreJournal(StoreJournal.directoryOf(Path.of(store.getFileStore().getFileName())));
        recover();
        compaction.scheduleWithFixedDelay(this::compact, COMPACTION_INTERVAL_MS, COMPACTION_INTERVAL_MS,
                TimeUnit.MILLISECONDS);
        rounds.scheduleWithFixedDelay(this::round, JOURNAL_INTERVAL_MS, JOURNAL_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /** The journal's writes after the file's checkpoint applied again, checkpointed; the journal begun after them. */
    private void recover() {
        long through = mark.getOrDefault(THROUGH, 0L);
        long began = System.nanoTime();
        EmbeddedChannel channel = new EmbeddedChannel();
        long last = journal.replay(through, (number, write) -> {
            JournalEntry entry = JournalEntry.decode(write);
            try {
                openIndexMapsFor(entry.database(), entry.command(), entry.query());
                super.handleCommand(channel, entry.database(), entry.command(), entry.query());
            } catch (RuntimeException e) {
                // it failed when it was first applied too, on the same data: a duplicate key, an update refused
                log.debug("Write {} from the journal failed again, as it did when first applied: {}", number,
                        e.toString());
            }
        });
        channel.finishAndReleaseAll();
        mark.put(THROUGH, last);
        store.commit();
        store.sync();
        checkpointed = last;
        journal.startAfter(last);
        if (last > through) {
            log.info("Applied the {} writes the journal held after the store file's checkpoint again, in {} ms",
                    last - through, (System.nanoTime() - began) / 1_000_000);
        }
    }

    /**
     * Every {@link #JOURNAL_INTERVAL_MS}: syncs the writes answered before their record was, then a checkpoint, and the
     * journal's next segment written beforehand if it is not yet.
     */
    private void round() {
        try {
            journal.sync(journal.appended());
            checkpoint();
            journal.prepareSpare();
        } catch (RuntimeException e) {
            log.warn("A round of the store's journal and checkpoint failed; the next round tries again", e);
        }
    }

    private static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The store's file opened for this backend: H2's own compaction off ({@code autoCompactFillRate} 0), since
     * {@link #compact()} does it at a measured pace instead, its background writer off ({@code autoCommitDisabled}),
     * and no commit from a writing thread either: H2 commits in the thread of a write whose unsaved pages exceed its
     * buffer ({@code autoCommitBufferSize}, by default about 19 MB of pages in memory), which would commit a version
     * holding other writes half applied; the buffer is set beyond reach ({@link #NO_WRITER_COMMITS_KB}), the unsaved
     * pages being bounded by this backend's own commits (the checkpoints every {@link #JOURNAL_INTERVAL_MS} while
     * writes come, each round of compaction). Every commit is this backend's, and takes the maps' roots while no write
     * changes them ({@link #pages}).
     */
    static MVStore open(Path file) {
        CheckpointFileStore fileStore = new CheckpointFileStore(Map.of("autoCompactFillRate", 0));
        fileStore.open(file.toString(), false, null);
        return new MVStore.Builder().adoptFileStore(fileStore).autoCommitDisabled()
                .autoCommitBufferSize(NO_WRITER_COMMITS_KB).open();
    }

    /**
     * H2's file store, telling when a commit has taken the roots of the maps it writes and begins to write their pages
     * (its one request of a buffer to write a chunk into, {@code FileStore.serializeAndStore}, comes then): from there
     * on the commit writes what those roots hold, whatever changes after.
     */
    static final class CheckpointFileStore extends SingleFileStore {

        private volatile Runnable onRootsTaken = () -> { };

        CheckpointFileStore(Map<String, Object> config) {
            super(config);
        }

        void onRootsTaken(Runnable action) {
            onRootsTaken = action;
        }

        @Override
        public WriteBuffer getWriteBuffer() {
            onRootsTaken.run();
            return super.getWriteBuffer();
        }
    }

    /** In a checkpoint's commit, once its roots are taken: the writes go on while H2 writes the pages. */
    private void rootsTaken() {
        if (releaseAtRoots && pages.isWriteLockedByCurrentThread()) {
            releaseAtRoots = false;
            pages.writeLock().unlock();
        }
    }

    /**
     * One round of compaction, every {@link #COMPACTION_INTERVAL_MS}: while the chunks' fill rate (live bytes ÷ bytes
     * of all chunks) is below {@link #COMPACT_BELOW_FILL_RATE}, the live pages of the sparsest chunks old enough to be
     * rewritten (H2's retention time, 45 s) are rewritten — {@link #COMPACT_BYTES_PER_COMMIT} per checkpoint made
     * since the round before, {@link #COMPACT_BYTES_PER_ROUND} at most, nothing while the store is idle —, then
     * checkpointed (so that the file's header never names a version a power cut could take away). Every checkpoint
     * writes a chunk of its own that keeps a few live pages; H2's own compaction (on by default) rewrote up to about
     * 20 MB of them a second, in its background writer, while the chunks were sparse, which they always are under the
     * consumers' writes (issue #18, bench/store-scale, ADR 0016).
     */
    private void compact() {
        long commitsSince;
        synchronized (syncLock) {
            commitsSince = commits - commitsAtLastRound;
            commitsAtLastRound = commits;
        }
        // paced by the writes: none while the store is idle, so that an idle store does not rewrite its file for ever
        int budget = (int) Math.min(COMPACT_BYTES_PER_ROUND, commitsSince * COMPACT_BYTES_PER_COMMIT);
        try {
            if (budget > 0 && !store.isClosed() && store.compact(COMPACT_BELOW_FILL_RATE, budget)) {
                compactions.incrementAndGet();
                checkpoint();
            }
        } catch (RuntimeException e) {
            log.warn("Compaction of the store's file failed; the next round tries again", e);
        }
    }

    /**
     * A checkpoint: the store's file committed with every write applied so far, the last one's number in it
     * ({@link #mark}), and synced; then the journal's segments before it deleted. Until the commit has taken the maps'
     * roots no write changes them ({@link #pages}). Nothing to do if nothing changed since the last one.
     */
    private void checkpoint() {
        synchronized (syncLock) {
            if (store.isClosed()) {
                return;
            }
            long through;
            boolean newSegment;
            pages.writeLock().lock();
            try {
                through = journal.appended();
                if (through == checkpointed && !store.hasUnsavedChanges()) {
                    return;
                }
                mark.put(THROUGH, through);
                newSegment = journal.startNewSegmentIfLong(through);
                releaseAtRoots = true;
                store.commit();
            } finally {
                releaseAtRoots = false;
                if (pages.isWriteLockedByCurrentThread()) {
                    pages.writeLock().unlock();
                }
            }
            store.sync();
            checkpointed = through;
            commits++;
            if (newSegment) {
                journal.forgetBefore(through + 1);
            }
        }
    }

    /** Closes the store, recording that its field indexes are whole ({@link IndexedH2Database#stampClose}). */
    @Override
    public void close() {
        // no round starts any more; one in progress ends before the store closes, not interrupted: an interrupt in
        // the middle of a write closes the file's channel (ClosedByInterruptException), and H2 then closed the store
        // without its last checkpoint and clean header, the next start applying the journal again
        compaction.shutdown();
        rounds.shutdown();
        try {
            compaction.awaitTermination(30, TimeUnit.SECONDS);
            rounds.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (syncLock) {
            checkpoint();
            IndexedH2Database.stampClose(store);
        }
        pages.writeLock().lock();
        try {
            super.close();
        } finally {
            pages.writeLock().unlock();
            journal.close();
        }
    }

    /**
     * The file's unique-index maps opened with {@link UniqueIndexKeyType}, and its document maps with
     * {@link DocumentValueType}, before the library opens its databases.
     */
    static MVStore withOwnDataTypes(MVStore store) {
        for (String name : store.getMapNames()) {
            if (name.contains(INDEX_MAP)) {
                openIndexMap(store, name);
            } else if (name.startsWith(IndexedH2Database.DOCUMENT_MAPS)) {
                IndexedH2Database.openDocuments(store, name);
            }
        }
        return store;
    }

    private static void openIndexMap(MVStore store, String name) {
        store.openMap(name, new MVMap.Builder<Object, Object>().keyType(new UniqueIndexKeyType()));
    }

    /**
     * Opens, with {@link UniqueIndexKeyType}, the unique-index maps the write may create: the collection's
     * {@code _id} index, and the unique indexes a {@code createIndexes} names. A map that exists already is left as
     * it is.
     */
    private void openIndexMapsFor(String database, String command, Document query) {
        if (!CREATING.contains(command.toLowerCase(Locale.ROOT)) || !(query.get(command) instanceof String collection)) {
            return;
        }
        String prefix = database + "." + collection + INDEX_MAP;
        List<String> names = new ArrayList<>(List.of(prefix + "_id_"));
        if (query.get("indexes") instanceof List<?> indexes) {
            for (Object index : indexes) {
                if (index instanceof Document spec && Boolean.TRUE.equals(spec.get("unique"))
                        && spec.get("name") instanceof String name) {
                    names.add(prefix + name);
                }
            }
        }
        synchronized (indexMapLock) {
            for (String name : names) {
                if (!store.isClosed() && !store.hasMap(name)) {
                    openIndexMap(store, name);
                }
            }
        }
    }

    /** Databases whose collections answer queries from their indexes and by {@code _id} ({@link IndexedH2Database}). */
    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new IndexedH2Database(name, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (command.equalsIgnoreCase(BACKUP_COMMAND)) {
            return backup(Path.of(String.valueOf(query.get(command))));
        }
        if (command.equalsIgnoreCase(STATS_COMMAND)) {
            return stats();
        }
        if (!changesData(command, query)) {
            return super.handleCommand(channel, database, command, query);
        }
        byte[] entry = JournalEntry.encode(database, command, query); // before the library changes anything in it
        long write = 0;
        pages.readLock().lock();
        try {
            openIndexMapsFor(database, command, query);
            String collection = collectionOf(command, query);
            Lock ordered = collection == null ? order.writeLock() : order.readLock();
            ordered.lock();
            try {
                synchronized (collection == null ? order : collections.computeIfAbsent(database + "." + collection,
                        name -> new Object())) {
                    journal.failIfFailed();
                    try {
                        return super.handleCommand(channel, database, command, query);
                    } finally {
                        // a write that failed is in the journal too: applied again, it fails again on the same data
                        write = journal.append(entry);
                    }
                }
            } finally {
                ordered.unlock();
            }
        } finally {
            pages.readLock().unlock();
            if (write > 0 && journaled(query)) {
                journal.sync(write);
            }
        }
    }

    /**
     * The one collection a write changes, or null for a write that may change several or a whole database
     * ({@code dropDatabase}, {@code renameCollection}, an aggregation writing its result).
     */
    static String collectionOf(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("dropdatabase") || name.equals("renamecollection") || name.equals("aggregate")) {
            return null;
        }
        return query.get(command) instanceof String collection ? collection : null;
    }

    /**
     * Whether a write waits for its record's sync: unless its write concern asks for no journal as MongoDB reads it —
     * {@code w} 0 or 1 (1 when left out) and {@code j} not true. Without a write concern (the server's default) it
     * waits, as every write did before.
     */
    static boolean journaled(Document query) {
        if (!(query.get("writeConcern") instanceof Document concern) || Boolean.TRUE.equals(concern.get("j"))) {
            return true;
        }
        Object w = concern.get("w");
        return !(w == null || w instanceof Number acknowledgements && acknowledgements.intValue() <= 1);
    }

    /**
     * What a benchmark needs to see how the file grows: the writes applied (the last one's number), how many of them
     * are durable (in the journal, synced), the journal's syncs, the last write checkpointed and the checkpoints
     * made, then H2's own figures ({@code FileStore.populateInfo}: file writes and bytes, reads, fill rates, chunks,
     * pages, page cache), the size of the layout map (one entry per chunk and per map's root) and the store's version.
     */
    private Document stats() {
        Document stats = new Document("ok", 1.0);
        stats.append("writes", journal.appended()).append("durable", journal.synced()).append("syncs", journal.syncs());
        synchronized (syncLock) {
            stats.append("checkpointed", checkpointed).append("commits", commits)
                    .append("compactions", compactions.get());
        }
        FileStore<?> fileStore = store.getFileStore();
        fileStore.populateInfo((name, value) ->
                stats.append(name.substring(name.indexOf('.') + 1), Long.parseLong(value)));
        return stats.append("LAYOUT_SIZE", (long) fileStore.getLayoutMap().size())
                .append("VERSION", store.getCurrentVersion());
    }

    private Document backup(Path copy) {
        if (!copy.isAbsolute() || Files.exists(copy)) {
            throw new IllegalArgumentException(BACKUP_COMMAND + " needs an absolute path where nothing is yet, not " + copy);
        }
        Path file = Path.of(store.getFileStore().getFileName());
        Path partial = copy.resolveSibling(copy.getFileName() + ".partial");
        boolean reused = store.isSpaceReused();
        store.setReuseSpace(false);
        try {
            checkpoint(); // the copy holds every write answered: it needs no journal
            Files.createDirectories(copy.getParent());
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
            return new Document("ok", 1.0).append("file", copy.toString()).append("bytes", Files.size(copy));
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the store to " + copy + ": " + e.getMessage(), e);
        } finally {
            store.setReuseSpace(reused);
        }
    }

    private static boolean changesData(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (WRITES.contains(name)) {
            return true;
        }
        // an aggregation whose last stage writes its result into a collection
        return name.equals("aggregate") && query.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
                && pipeline.get(pipeline.size() - 1) instanceof Document last
                && (last.containsKey("$out") || last.containsKey("$merge"));
    }
}
