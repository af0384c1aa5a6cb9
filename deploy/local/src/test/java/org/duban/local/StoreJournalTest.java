package org.duban.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreJournalTest {

    @TempDir
    Path directory;

    @Test
    void givesBackTheWritesAfterTheCheckpointInTheirOrder() {
        // given
        StoreJournal journal = new StoreJournal(directory);
        journal.startAfter(0);
        for (int i = 1; i <= 5; i++) {
            assertThat(journal.append(bytes("write " + i))).isEqualTo(i);
        }
        journal.sync(5);
        journal.close();

        // when: the store's file holds the writes up to 2
        List<String> applied = new ArrayList<>();
        long last = new StoreJournal(directory).replay(2, (number, write) -> applied.add(number + ":" + text(write)));

        // then
        assertThat(applied).containsExactly("3:write 3", "4:write 4", "5:write 5");
        assertThat(last).isEqualTo(5);
    }

    @Test
    void stopsAtARecordThatWasBeingWrittenWhenTheStoreStopped() throws IOException {
        // given: three records, then the fourth cut short (a crash while it was written, before its sync)
        StoreJournal journal = new StoreJournal(directory);
        journal.startAfter(0);
        for (int i = 1; i <= 4; i++) {
            journal.append(bytes("write " + i));
        }
        journal.close();
        Path segment = onlySegment();
        long size = Files.size(segment);
        try (var channel = java.nio.channels.FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(size - 3);
        }

        // when
        List<Long> applied = new ArrayList<>();
        long last = new StoreJournal(directory).replay(0, (number, write) -> applied.add(number));

        // then
        assertThat(applied).containsExactly(1L, 2L, 3L);
        assertThat(last).isEqualTo(3);
    }

    @Test
    void stopsAtARecordWhoseBytesDoNotMatchItsChecksum() throws IOException {
        // given: the last record's last byte changed
        StoreJournal journal = new StoreJournal(directory);
        journal.startAfter(0);
        journal.append(bytes("write 1"));
        journal.append(bytes("write 2"));
        journal.close();
        Path segment = onlySegment();
        byte[] content = Files.readAllBytes(segment);
        content[content.length - 1] ^= 1;
        Files.write(segment, content);

        // when
        List<Long> applied = new ArrayList<>();
        new StoreJournal(directory).replay(0, (number, write) -> applied.add(number));

        // then
        assertThat(applied).containsExactly(1L);
    }

    @Test
    void refusesAJournalThatDoesNotContinueTheStoresFile() {
        // given: a journal from write 11 on (the file it belonged to held the writes up to 10)
        StoreJournal journal = new StoreJournal(directory);
        journal.startAfter(10);
        journal.append(bytes("write 11"));
        journal.close();

        // when / then: a file that holds the writes up to 4 only (an older copy of it) cannot take it
        assertThatThrownBy(() -> new StoreJournal(directory).replay(4, (number, write) -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not this file's");
        // and one that holds them all takes nothing from it
        List<Long> applied = new ArrayList<>();
        assertThat(new StoreJournal(directory).replay(11, (number, write) -> applied.add(number))).isEqualTo(11);
        assertThat(applied).isEmpty();
    }

    @Test
    void refusesDamageInASegmentThatOthersFollow() throws IOException {
        // given: two segments, a byte of the first one's record changed
        StoreJournal journal = new StoreJournal(directory);
        journal.startAfter(0);
        journal.append(new byte[(int) StoreJournal.SEGMENT_BYTES]);
        assertThat(journal.startNewSegmentIfLong(1)).isTrue();
        journal.append(bytes("write 2"));
        journal.close();
        Path first = directory.resolve(String.format("%019d.log", 1));
        byte[] content = Files.readAllBytes(first);
        content[content.length - 1] ^= 1;
        Files.write(first, content);

        // when / then
        assertThatThrownBy(() -> new StoreJournal(directory).replay(0, (number, write) -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("damaged");
    }

    @Test
    void beginsANewSegmentOnlyOnceTheCurrentOneIsLongAndForgetsTheOldOnesWhenAsked() throws IOException {
        // given
        StoreJournal journal = new StoreJournal(directory);
        journal.startAfter(0);
        journal.append(bytes("write 1"));
        assertThat(journal.startNewSegmentIfLong(1)).as("a short segment is kept").isFalse();
        journal.append(new byte[(int) StoreJournal.SEGMENT_BYTES]);

        // when
        assertThat(journal.startNewSegmentIfLong(2)).isTrue();
        journal.append(bytes("write 3"));
        journal.sync(3);
        journal.forgetBefore(3);

        // then: only the new segment is left, and it holds write 3
        assertThat(onlySegment().getFileName().toString()).isEqualTo(String.format("%019d.log", 3));
        List<Long> applied = new ArrayList<>();
        journal.close();
        new StoreJournal(directory).replay(2, (number, write) -> applied.add(number));
        assertThat(applied).containsExactly(3L);
    }

    @Test
    void appendsIntoASegmentWrittenFullOfZerosBeforehandAndReadsItUpToItsLastRecord() throws IOException {
        // given: the next segment made ready beforehand, as every round of the store does
        Files.createDirectories(directory);
        StoreJournal journal = new StoreJournal(directory);
        journal.prepareSpare();
        journal.startAfter(0);
        for (int i = 1; i <= 3; i++) {
            journal.append(bytes("write " + i));
        }
        journal.sync(3);
        journal.close();

        // when
        List<Long> applied = new ArrayList<>();
        long last = new StoreJournal(directory).replay(0, (number, write) -> applied.add(number));

        // then: the records were written into the zeros (the file did not grow), and reading stops after them
        assertThat(Files.size(onlySegment())).isEqualTo(StoreJournal.SEGMENT_BYTES);
        assertThat(applied).containsExactly(1L, 2L, 3L);
        assertThat(last).isEqualTo(3);
    }

    @Test
    void answersNoWriteOnceItCouldNotWriteAndKeepsSayingSo() throws IOException {
        // given: a journal whose segment was closed under it (as a failed disk would refuse writes)
        StoreJournal journal = new StoreJournal(directory);
        journal.startAfter(0);
        journal.append(bytes("write 1"));
        journal.close();

        // when / then
        assertThatThrownBy(() -> journal.append(bytes("write 2"))).hasMessageContaining("answers no write");
        assertThatThrownBy(journal::failIfFailed).hasMessageContaining("answers no write");
    }

    private Path onlySegment() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> segments = files.toList();
            assertThat(segments).hasSize(1);
            return segments.get(0);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
