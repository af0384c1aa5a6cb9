package org.duban.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store refuses to start on a damaged file, naming it and the newest backup, and starts on a whole one. */
class DamagedStoreFileIT {

    private static final int UNITS = 3_000;

    @TempDir
    Path dataDirectory;

    private Path file;
    private Path backups;
    private int port;

    @BeforeEach
    void aStoreWithThousandsOfDocumentsStoppedCleanly() throws Exception {
        file = dataDirectory.resolve("mongo").resolve("duban.mv");
        backups = dataDirectory.resolve("backups");
        port = FreePort.find();
        LocalMongoStore store = new LocalMongoStore(file, backups, port);
        store.start();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> units = units(client);
            for (int batch = 0; batch < UNITS / 100; batch++) {
                units.insertMany(java.util.stream.IntStream.range(batch * 100, batch * 100 + 100)
                        .mapToObj(i -> new Document("_id", "unit-" + i).append("name", "责任单位 " + i + " ".repeat(200)))
                        .toList());
            }
        } finally {
            store.stop();
        }
    }

    @Test
    void startsOnAWholeFileWithEveryDocument() throws Exception {
        // when
        LocalMongoStore store = new LocalMongoStore(file, backups, port);
        store.start();

        // then
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            assertThat(units(client).countDocuments()).isEqualTo(UNITS);
        } finally {
            store.stop();
        }
    }

    @Test
    void refusesAFileWithDamagedBytesInTheMiddleAndNamesTheNewestBackup() throws Exception {
        // given: a backup, and the middle third of the file overwritten
        Path backup = aBackup("duban-20261204T090000Z");
        long size = Files.size(file);
        overwrite(file, size / 3, size / 3);

        // when, then
        assertThatThrownBy(() -> new LocalMongoStore(file, backups, port).start())
                .isInstanceOf(StoreFileCheck.DamagedStoreFile.class)
                .hasMessageContaining("The store file " + file + " is damaged")
                .hasMessageContaining("The newest backup is " + backup)
                .hasMessageContaining("./duban restore " + backup);
    }

    @Test
    void refusesATruncatedFileInsteadOfRollingBackToAnOlderVersion() throws Exception {
        // given: the file cut where its newest chunk starts; MVStore alone opens what is left, silently older
        long newestChunk = newestChunkStart(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(newestChunk);
        }

        // when, then
        assertThatThrownBy(() -> new LocalMongoStore(file, backups, port).start())
                .isInstanceOf(StoreFileCheck.DamagedStoreFile.class)
                .hasMessageContaining("The store file " + file + " is damaged")
                .hasMessageContaining("can be read: the newer writes are lost")
                .hasMessageContaining("No backup was found in " + backups);
    }

    @Test
    void theStoreProcessExitsNonZeroWithTheMessageAlone() throws Exception {
        // given
        overwrite(file, Files.size(file) / 3, Files.size(file) / 3);
        Path log = dataDirectory.resolve("store.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalInfra.class.getName(), "mongo")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DUBAN_DATA_DIR", dataDirectory.toString());
        builder.environment().put("DUBAN_MONGO_PORT", Integer.toString(port));

        // when
        Process store = builder.start();

        // then
        assertThat(store.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(store.exitValue()).isEqualTo(1);
        assertThat(Files.readString(log)).contains("The store file " + file + " is damaged").doesNotContain("\tat ");
    }

    private Path aBackup(String name) throws IOException {
        Path backup = backups.resolve(name);
        Files.createDirectories(backup.resolve("mongo"));
        Files.copy(file, backup.resolve("mongo").resolve("duban.mv"), StandardCopyOption.COPY_ATTRIBUTES);
        return backup;
    }

    /**
     * Where the chunk the file's header names starts (the newest, after a clean stop): {@code block:<hex>}, in
     * blocks of 4 KiB. Cutting the file at a fixed share of its length left that chunk whole now and then (a flaky
     * test): H2 reuses free space, so where the newest chunks lie is not fixed.
     */
    private static long newestChunkStart(Path file) throws IOException {
        String header;
        try (var in = Files.newInputStream(file)) {
            header = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
        }
        Matcher block = Pattern.compile("(?:^|,)block:([0-9a-f]+),").matcher(header.substring(0, header.indexOf('\n')));
        assertThat(block.find()).as("the header names its newest chunk: %s", header).isTrue();
        return Long.parseLong(block.group(1), 16) * 4096;
    }

    private static void overwrite(Path file, long from, long length) throws IOException {
        byte[] garbage = new byte[(int) length];
        Arrays.fill(garbage, (byte) 0xA5);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(from);
            raf.write(garbage);
        }
    }

    private static MongoCollection<Document> units(MongoClient client) {
        return client.getDatabase("duban_intake").getCollection("units");
    }
}
