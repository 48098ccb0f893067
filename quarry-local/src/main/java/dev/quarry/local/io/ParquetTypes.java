package dev.quarry.local.io;

import dev.quarry.local.sql.Sql;
import dev.quarry.types.ArrayType;
import dev.quarry.types.DataType;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import dev.quarry.types.TranscriptType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the Quarry types Parquet cannot express — embeddings (with their dimensions and model)
 * and the logical text types (markdown, json, html, transcript, document path) — of top-level
 * columns in the Parquet file's key/value metadata ({@code quarry.type.<column>}), and restores
 * them when the file is read.
 */
final class ParquetTypes {
    static final String KEY_PREFIX = "quarry.type.";
    private static final Pattern EMBEDDING = Pattern.compile("embedding<(\\d+), (.*)>");
    private static final Pattern TRANSCRIPT = Pattern.compile("transcript<(.*)>");

    private ParquetTypes() {}

    /** The {@code KV_METADATA} option recording the schema's logical types, starting with a comma, or empty. */
    static String kvMetadata(Schema schema) {
        StringJoiner j = new StringJoiner(", ", ", KV_METADATA {", "}");
        j.setEmptyValue("");
        for (StructField f : schema.fields()) {
            if (isLogical(f.type())) {
                j.add(Sql.string(KEY_PREFIX + f.name()) + ": "
                        + Sql.string(f.type().simpleString()));
            }
        }
        return j.toString();
    }

    private static boolean isLogical(DataType t) {
        return t instanceof EmbeddingType || (t.isTextual() && t != ScalarType.STRING);
    }

    /** The described schema with the recorded logical types put back where they fit. */
    static Schema restore(Connection connection, String quotedPath, Schema described) {
        Map<String, String> recorded = new HashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT decode(key), decode(value) FROM parquet_kv_metadata("
                        + quotedPath + ") ORDER BY file_name")) {
            while (rs.next()) {
                String key = rs.getString(1);
                if (key != null && key.startsWith(KEY_PREFIX)) {
                    recorded.putIfAbsent(key.substring(KEY_PREFIX.length()), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            return described;
        }
        if (recorded.isEmpty()) {
            return described;
        }
        List<StructField> fields = new ArrayList<>();
        for (StructField f : described.fields()) {
            DataType restored = parse(recorded.get(f.name()));
            fields.add(
                    restored != null && fits(restored, f.type())
                            ? new StructField(f.name(), restored, f.nullable())
                            : f);
        }
        return new Schema(fields);
    }

    private static boolean fits(DataType logical, DataType stored) {
        if (logical instanceof EmbeddingType) {
            return stored instanceof EmbeddingType
                    || (stored instanceof ArrayType a
                            && (a.elementType() == ScalarType.FLOAT || a.elementType() == ScalarType.DOUBLE));
        }
        return stored.isTextual();
    }

    /** A logical type from its simple string, or null. */
    static DataType parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = EMBEDDING.matcher(text);
        if (m.matches()) {
            return new EmbeddingType(Integer.parseInt(m.group(1)), m.group(2));
        }
        m = TRANSCRIPT.matcher(text);
        if (m.matches()) {
            return new TranscriptType(m.group(1));
        }
        for (ScalarType s : ScalarType.values()) {
            if (s.simpleString().equals(text) && s.isTextual()) {
                return s;
            }
        }
        return null;
    }
}
