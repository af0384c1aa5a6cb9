package org.duban.local;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * A write as the store's journal keeps it ({@link StoreJournal}): the command as the store received it, with its
 * database, in BSON (the library's own encoding of the wire protocol, so every value the wire carries comes back as
 * the store received it).
 */
record JournalEntry(String database, String command, Document query) {

    private static final String DATABASE = "d";
    private static final String COMMAND = "c";
    private static final String QUERY = "q";

    static byte[] encode(String database, String command, Document query) {
        ByteBuf buffer = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(new Document(DATABASE, database).append(COMMAND, command).append(QUERY, query),
                    buffer);
            return ByteBufUtil.getBytes(buffer);
        } finally {
            buffer.release();
        }
    }

    static JournalEntry decode(byte[] bytes) {
        Document entry = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
        return new JournalEntry((String) entry.get(DATABASE), (String) entry.get(COMMAND), (Document) entry.get(QUERY));
    }
}
