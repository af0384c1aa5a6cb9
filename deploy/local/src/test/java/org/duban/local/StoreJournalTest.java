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
        journalAfter(0, 4).close();
        Path segment = onlySegment();
        long size = Files.size(segment);
        try (var channel = java.nio.channels.FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(size - 3);
        }

        // when
        Replayed replayed = replayedAfter(0);

        // then
        assertThat(replayed.numbers()).containsExactly(1L, 2L, 3L);
        assertThat(replayed.last()).isEqualTo(3);
    }

    @Test
    void stopsAtARecordWhoseBytesDoNotMatchItsChecksum() throws IOException {
        // given: the last record's last byte changed
        journalAfter(0, 2).close();
        Path segment = onlySegment();
        byte[] content = Files.readAllBytes(segment);
        content[content.length - 1] ^= 1;
        Files.write(segment, content);

        // when / then
        assertThat(replayedAfter(0).numbers()).containsExactly(1L);
    }

    @Test
    void refusesAJournalThatDoesNotContinueTheStoresFile() {
        // given: a journal from write 11 on (the file it belonged to held the writes up to 10)
        journalAfter(10, 1).close();

        // when / then: a file that holds the writes up to 4 only (an older copy of it) cannot take it
        assertThatThrownBy(() -> new StoreJournal(directory).replay(4, (number, write) -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not this file's");
        // and one that holds them all takes nothing from it
        Replayed replayed = replayedAfter(11);
        assertThat(replayed.last()).isEqualTo(11);
        assertThat(replayed.numbers()).isEmpty();
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
        StoreJournal journal = journalAfter(0, 1);
        assertThat(journal.startNewSegmentIfLong(1)).as("a short segment is kept").isFalse();
        journal.append(new byte[(int) StoreJournal.SEGMENT_BYTES]);

        // when
        assertThat(journal.startNewSegmentIfLong(2)).isTrue();
        journal.append(bytes("write 3"));
        journal.sync(3);
        journal.forgetBefore(3);

        // then: only the new segment is left, and it holds write 3
        assertThat(onlySegment().getFileName().toString()).isEqualTo(String.format("%019d.log", 3));
        journal.close();
        assertThat(replayedAfter(2).numbers()).containsExactly(3L);
    }

    @Test
    void appendsIntoASegmentWrittenFullOfZerosBeforehandAndReadsItUpToItsLastRecord() throws IOException {
        // given: the next segment made ready beforehand, as every round of the store does
        Files.createDirectories(directory);
        StoreJournal journal = new StoreJournal(directory);
        journal.prepareSpare();
        appended(journal, 0, 3).close();

        // when
        Replayed replayed = replayedAfter(0);

        // then: the records were written into the zeros (the file did not grow), and reading stops after them
        assertThat(Files.size(onlySegment())).isEqualTo(StoreJournal.SEGMENT_BYTES);
        assertThat(replayed.numbers()).containsExactly(1L, 2L, 3L);
        assertThat(replayed.last()).isEqualTo(3);
    }

    @Test
    void answersNoWriteOnceItCouldNotWriteAndKeepsSayingSo() throws IOException {
        // given: a journal whose segment was closed under it (as a failed disk would refuse writes)
        StoreJournal journal = journalAfter(0, 1);
        journal.close();

        // when / then
        assertThatThrownBy(() -> journal.append(bytes("write 2"))).hasMessageContaining("answers no write");
        assertThatThrownBy(journal::failIfFailed).hasMessageContaining("answers no write");
    }

    /** A journal begun after {@code through}, with {@code records} writes appended ("write n" for write number n). */
    private StoreJournal journalAfter(long through, int records) {
        return appended(new StoreJournal(directory), through, records);
    }

    private static StoreJournal appended(StoreJournal journal, long through, int records) {
        journal.startAfter(through);
        for (long number = through + 1; number <= through + records; number++) {
            journal.append(bytes("write " + number));
        }
        return journal;
    }

    /** The journal read back as a store opening on a file that holds the writes up to {@code checkpointed} does. */
    private Replayed replayedAfter(long checkpointed) {
        List<Long> numbers = new ArrayList<>();
        long last = new StoreJournal(directory).replay(checkpointed, (number, write) -> numbers.add(number));
        return new Replayed(numbers, last);
    }

    private record Replayed(List<Long> numbers, long last) {
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
